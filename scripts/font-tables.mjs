// `npm run compile`, after tsc: dist/font-tables.json from the fonts (see src/layout/font-tables.ts).
import { writeFontTables } from '../dist/write/font-tables-make.js';

writeFontTables();

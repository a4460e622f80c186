#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so a clone works after `npm install` alone.
import { register } from 'tsx/esm/api';
register();
const { main, quietOnBrokenPipe } = await import('../src/cli.ts');
quietOnBrokenPipe();
process.exitCode = await main(process.argv.slice(2));

// Worker entry when vanban runs from its TypeScript sources (tests): a worker starts without the
// parent's loader, so it registers tsx before loading the real worker. Not part of the package.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');

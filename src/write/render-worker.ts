// Worker thread entry for batch rendering (see render.ts). Plain JavaScript because a worker starts
// without the TypeScript loader: it registers tsx, then loads the writers.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { renderOne } = await import('./render.ts');
parentPort.on('message', async (doc) => {
  try {
    const r = await renderOne(doc);
    parentPort.postMessage({ ok: true, r });
  } catch (error) {
    parentPort.postMessage({ ok: false, error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
  }
});

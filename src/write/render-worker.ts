// Worker thread entry for batch rendering (see render.ts): renders each document it is sent.
import { parentPort } from 'node:worker_threads';
import { renderOne } from './render.ts';

const port = parentPort!;
port.on('message', async (doc) => {
  try {
    const r = await renderOne(doc);
    port.postMessage({ ok: true, r });
  } catch (error) {
    port.postMessage({ ok: false, error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
  }
});

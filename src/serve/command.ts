// `vanban serve [thư_mục]`: starts the server over a project folder and prints the address to open.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer } from './server.ts';

export async function serveCommand(dir: string, opts: { port: string; host: string }): Promise<number> {
  const root = resolve(dir);
  try {
    if (!statSync(root).isDirectory()) throw new Error('not a folder');
  } catch {
    console.error(`lỗi: thư mục dự án "${dir}" không tồn tại hoặc không phải thư mục`);
    return 2;
  }
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`lỗi: --port cần một số từ 0 đến 65535, không phải "${opts.port}"`);
    return 2;
  }
  let running;
  try {
    running = await startServer({ root, port, host: opts.host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(code === 'EADDRINUSE' ? `lỗi: cổng ${port} đang được chương trình khác dùng; chọn cổng khác bằng --port` : `lỗi: không mở được máy chủ (${(error as Error).message})`);
    return 2;
  }
  if (opts.host !== '127.0.0.1' && opts.host !== 'localhost') console.error(`! đang nghe trên ${opts.host}: máy khác trong mạng có thể mở nếu biết mã bí mật`);
  const view = running.project.view;
  console.log(`vanban serve: dự án ${running.project.root}${view ? ` (thư mục ${view}; hồ sơ tỉnh và derived/ ở gốc dự án)` : ''}`);
  console.log(`Mở trong trình duyệt: ${running.url}`);
  console.log('(địa chỉ có mã bí mật của phiên này; không chia sẻ. Nhấn Ctrl+C để dừng.)');
  if (running.watch.mode === 'poll') console.error(`! ${running.watch.failure}: trang sẽ xem lại tệp trên đĩa mỗi vài giây`);
  await new Promise<void>((done) => {
    const stop = () => void running.close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

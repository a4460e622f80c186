// A batch rendered in one thread waits on that thread alone, yet on a machine with two cores V8's background
// compiler (up to four jobs at once) and libuv's pool (zlib, file writes) took turns on its core: measured on the
// 63 plans, the rendering thread sat 0.25–0.45 s of 1.5 s runnable but not running. Run at the lowest priority,
// those threads take the cores it leaves and it waits 0.04–0.1 s. Linux only, where a thread has its own nice value
// (elsewhere `setPriority` names a process, and a thread id could be another one's). Raising a nice value cannot be
// undone without privilege, so only the command line asks for it, not the library.

import { readdirSync, readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';

/** Lowers every other thread of this process to the lowest priority; returns how many it lowered. */
export function yieldHelperThreads(): number {
  if (process.platform !== 'linux') return 0;
  let self: string;
  let tasks: string[];
  try {
    self = readlinkSync('/proc/thread-self').split('/').pop()!;
    tasks = readdirSync('/proc/self/task');
  } catch {
    return 0;
  }
  let lowered = 0;
  for (const tid of tasks) {
    if (tid === self) continue;
    try {
      setPriority(Number(tid), constants.priority.PRIORITY_LOW);
      lowered++;
    } catch {
      // gone since it was listed, or refused: it keeps its priority
    }
  }
  return lowered;
}

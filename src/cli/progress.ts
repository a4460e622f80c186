// The live progress line of a batch on a terminal: documents done of all, pages, time taken and time
// left, redrawn in place on stderr. Results go to stdout as whole lines; the progress line is wiped
// before each and drawn again after, so a terminal shows both and a pipe gets only the results.

export interface Progress {
  /** One more item finished; `pages` is the running total (absent for work that makes no pages). */
  update(done: number, total: number, pages?: number): void;
  /** A result line for stdout, printed above the live line. */
  print(line: string): void;
  /** Wipes the live line (before the final summary). */
  end(): void;
}

const CLEAR = '\r\x1b[2K';
/** Redraws at most this often (ms): a fast batch would otherwise spend its time on the terminal. */
const EVERY_MS = 100;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1).replace('.', ',')} s`;

/** "[12/63] 45 trang · 3,2 s · còn khoảng 6,0 s" ("[12/63] 3,2 s · …" without pages) */
export function progressText(done: number, total: number, pages: number | undefined, elapsedMs: number): string {
  const width = String(total).length;
  const left = done > 0 && done < total ? ` · còn khoảng ${seconds((elapsedMs / done) * (total - done))}` : '';
  return `[${String(done).padStart(width)}/${total}] ${pages === undefined ? '' : `${pages} trang · `}${seconds(elapsedMs)}${left}`;
}

/** Whether a live line belongs on this run: stderr is a terminal that can redraw, and not --quiet or --json. */
export function wantsProgress(stream: NodeJS.WriteStream, quiet: boolean): boolean {
  return !quiet && stream.isTTY === true && process.env.TERM !== 'dumb';
}

/** A live line when `live`, otherwise just the result lines. */
export function progress(live: boolean, out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Progress {
  const started = performance.now();
  let shown = '';
  let drawn = 0;
  const draw = () => {
    if (shown) err.write(CLEAR + shown);
  };
  return {
    update(done, total, pages) {
      if (!live) return;
      shown = progressText(done, total, pages, performance.now() - started);
      const now = performance.now();
      if (now - drawn >= EVERY_MS || done === total) {
        drawn = now;
        draw();
      }
    },
    print(line) {
      if (live && shown) err.write(CLEAR);
      out.write(line + '\n');
      if (live) draw();
    },
    end() {
      if (live && shown) err.write(CLEAR);
      shown = '';
    },
  };
}

// A progress line on stderr for long reads: only on a terminal, never with --quiet, and only once the work
// has taken more than a second. The core reports bytes through a callback; this turns them into a line.

export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

const SHOW_AFTER_MS = 1000;
const REDRAW_EVERY_MS = 100;

export function createProgress(label: string, enabled: boolean): Progress {
  const stream = process.stderr;
  if (!enabled || !stream.isTTY) return { update() {}, finish() {} };
  const started = Date.now();
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - started < SHOW_AFTER_MS || now - lastDraw < REDRAW_EVERY_MS) return;
      lastDraw = now;
      drawn = true;
      const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
      stream.write(`\r${label} ${percent}% (${megabytes(done)} of ${megabytes(total)} MB)\u001b[K`);
    },
    finish() {
      if (drawn) stream.write("\r\u001b[K");
    },
  };
}

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

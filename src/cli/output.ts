/**
 * Everything the CLI writes goes through here: every byte, through pipes that fill up, or an
 * OutputError that ends the run with exit code 4.
 */
import { writeSync } from 'node:fs';
import { safeLine } from '../export/safe-text.js';

/** The output could not be written in full (a closed pipe, a full disk). */
export class OutputError extends Error {}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes every byte to a file descriptor. A pipe may be non-blocking: a write can take part of the
 * buffer, or none (EAGAIN) while the reader catches up; the rest is written when it has room.
 */
export function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text, 'utf8');
  let offset = 0;
  let waited = 0;
  while (offset < buf.length) {
    try {
      const n = writeSync(fd, buf, offset, Math.min(buf.length - offset, 1 << 20));
      offset += n;
      waited = 0;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EAGAIN' || waited > 120_000) throw new OutputError(code ?? String(e));
      Atomics.wait(pause, 0, 0, 2); // the reader is slower than us: let it drain
      waited += 2;
    }
  }
}

export function write(text: string): void {
  writeAll(1, text);
}

export function fail(message: string): void {
  try {
    writeAll(2, `crossfoot: ${safeLine(message)}\n`);
  } catch {
    /* stderr closed: nothing more can be said */
  }
}

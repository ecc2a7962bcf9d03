import { Transform } from 'node:stream';
import type { TextRedactor } from '@rc/orchestrator-core';

// A line longer than this is written in pieces; the tail kept back covers any secret's length.
const MAX_PENDING = 64 * 1024;
const KEEP_BACK = 4 * 1024;

/**
 * Redacts a text stream line by line on its way to a transcript, so a secret an agent prints is
 * never written, while memory stays bounded however much it prints.
 */
export function redactingLines(redactor: TextRedactor): Transform {
  let pending = '';
  return new Transform({
    decodeStrings: false,
    transform(chunk: Buffer | string, _encoding, done) {
      pending += String(chunk);
      const cut = pending.lastIndexOf('\n');
      let ready = '';
      if (cut >= 0) {
        ready = pending.slice(0, cut + 1);
        pending = pending.slice(cut + 1);
      } else if (pending.length > MAX_PENDING) {
        ready = pending.slice(0, -KEEP_BACK);
        pending = pending.slice(-KEEP_BACK);
      }
      done(null, ready === '' ? undefined : redactor.redact(ready));
    },
    flush(done) {
      done(null, pending === '' ? undefined : redactor.redact(pending));
    },
  });
}

import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fdSink } from './fd-sink';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rc-fd-sink-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const recorder = () => {
  const chunks: string[] = [];
  return {
    chunks,
    stream: () => ({
      write: (chunk: string | Uint8Array) => chunks.push(Buffer.from(chunk).toString('utf8')),
    }),
  };
};

describe('fdSink', () => {
  it('writes every byte of the text to the descriptor, in order', () => {
    const file = join(dir, 'out.txt');
    const fd = openSync(file, 'w');
    const { chunks, stream } = recorder();
    const sink = fdSink(fd, stream);
    sink.write('plan ');
    sink.write('héllo → wörld\n'.repeat(1000));
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe(`plan ${'héllo → wörld\n'.repeat(1000)}`);
    expect(chunks).toEqual([]);
  });

  it('hands over to the stream, with the bytes left, from the first write that fails', () => {
    // Open for reading only, so every write fails (EBADF).
    const file = join(dir, 'read-only.txt');
    closeSync(openSync(file, 'w'));
    const fd = openSync(file, 'r');
    const { chunks, stream } = recorder();
    const sink = fdSink(fd, stream);
    sink.write('first\n');
    sink.write('second\n');
    closeSync(fd);
    expect(chunks).toEqual(['first\n', 'second\n']);
    expect(readFileSync(file, 'utf8')).toBe('');
  });
});

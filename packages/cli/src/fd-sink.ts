import { writeSync } from 'node:fs';
import type { TextSink } from './cli-io';

/** A stream that can take over from an fdSink (process.stdout, process.stderr). */
export interface ByteSink {
  write(chunk: string | Uint8Array): unknown;
}

/**
 * Writes text straight to a file descriptor, synchronously, as Node's own stdout and stderr
 * streams do for files, pipes and terminals on Linux, without creating those streams: that costs
 * a short run about a tenth of Node's start. From the first write that fails or stops short (a
 * non-blocking pipe that is full, a closed pipe), `stream()` takes over, with the bytes left, and
 * behaves as it always did (it reports a closed pipe as it would have).
 */
export function fdSink(fd: number, stream: () => ByteSink): TextSink {
  let handedOver = false;
  return {
    write(chunk: string) {
      if (handedOver) return stream().write(chunk);
      const bytes = Buffer.from(chunk, 'utf8');
      let done = 0;
      try {
        while (done < bytes.length) done += writeSync(fd, bytes, done);
        return true;
      } catch {
        handedOver = true;
        return stream().write(bytes.subarray(done));
      }
    },
  };
}

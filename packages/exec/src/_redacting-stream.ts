import { Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { StreamRedactor, type StreamRedactorOptions } from './_stream-redactor';

/**
 * Redacts a byte stream on its way to a transcript, so a secret an agent prints is never written
 * however the output is split into reads (inside a line, inside a character), while memory stays
 * bounded however much it prints. See {@link StreamRedactor} for what is held back and why.
 */
export function redactingStream(options: StreamRedactorOptions): Transform {
  // A read can end inside a multi-byte character; decoding it alone would garble a secret.
  const decoder = new StringDecoder('utf8');
  const redactor = new StreamRedactor(options);
  return new Transform({
    decodeStrings: false,
    transform(chunk: Buffer | string, _encoding, done) {
      const text = redactor.push(typeof chunk === 'string' ? chunk : decoder.write(chunk));
      done(null, text === '' ? undefined : text);
    },
    flush(done) {
      const text = redactor.push(decoder.end()) + redactor.end();
      done(null, text === '' ? undefined : text);
    },
  });
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** Ends a bundle built for loadBundle: the build's key, which its code cache starts with. */
export const CODE_CACHE_KEY_MARKER = '\n//# rcCodeCache=';

/**
 * Runs a bundle of dist/ built as one function expression of CommonJS's five parameters (see
 * tsup.config.ts) and returns its exports.
 *
 * Most of a short rc run is V8 compiling JavaScript, so the build runs the bundle once and saves
 * V8's code cache beside it (`<file>.cache`, see scripts/write-code-cache.mjs); V8 then starts
 * from that compiled code instead of the source. The cache is used only when it carries the key
 * the bundle ends with (it belongs to this very build), and V8 itself refuses a cache made by
 * another V8 version or with other flags: then the bundle simply compiles as usual.
 */
export function loadBundle(file: string): unknown {
  const source = readFileSync(file, 'utf8');
  const at = source.lastIndexOf(CODE_CACHE_KEY_MARKER);
  const key = at === -1 ? '' : source.slice(at + CODE_CACHE_KEY_MARKER.length).trim();
  let cachedData: Buffer | undefined;
  try {
    const cache = readFileSync(`${file}.cache`);
    if (key !== '' && cache.toString('latin1', 0, key.length) === key) {
      cachedData = cache.subarray(key.length);
    }
  } catch {
    // No cache beside the bundle: compile from source.
  }
  const run = new Script(source, { filename: file, cachedData }).runInThisContext() as (
    exports: object,
    require: NodeJS.Require,
    module: { exports: object },
    filename: string,
    dirname: string,
  ) => void;
  const module = { exports: {} };
  run(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

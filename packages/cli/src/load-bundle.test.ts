import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CODE_CACHE_KEY_MARKER, loadBundle } from './load-bundle';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rc-load-bundle-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

// A bundle as the build writes it: one function expression of CommonJS's parameters.
const bundle = `(function (exports, require, module, __filename, __dirname) {
"use strict";
const { basename } = require('node:path');
module.exports = { answer: 42, file: basename(__filename), dir: __dirname };
})`;

describe('loadBundle', () => {
  it('runs the bundle with require, module, __filename and __dirname, from source', async () => {
    const file = join(dir, 'plan.cjs');
    await writeFile(file, bundle);
    expect(loadBundle(file)).toEqual({ answer: 42, file: 'plan.cjs', dir });
  });

  it('uses a code cache that carries the key the bundle ends with', async () => {
    const file = join(dir, 'plan.cjs');
    const source = `${bundle}${CODE_CACHE_KEY_MARKER}0123456789abcdef\n`;
    await writeFile(file, source);
    const cache = new Script(source, { filename: file }).createCachedData();
    await writeFile(`${file}.cache`, Buffer.concat([Buffer.from('0123456789abcdef'), cache]));
    expect(loadBundle(file)).toEqual({ answer: 42, file: 'plan.cjs', dir });
  });

  it.each([
    ['another build’s key', 'fedcba9876543210', 'ignored'],
    ['a cache V8 refuses', '0123456789abcdef', 'garbage'],
  ])('still runs the bundle with %s', async (_name, key, content) => {
    const file = join(dir, 'plan.cjs');
    await writeFile(file, `${bundle}${CODE_CACHE_KEY_MARKER}0123456789abcdef\n`);
    await writeFile(`${file}.cache`, `${key}${content}`);
    expect(loadBundle(file)).toEqual({ answer: 42, file: 'plan.cjs', dir });
  });
});

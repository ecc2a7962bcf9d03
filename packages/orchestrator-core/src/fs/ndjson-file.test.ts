import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { OperationError } from '../errors/rc-error';
import { appendNdjson, readNdjson } from './ndjson-file';

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rc-ndjson-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('appendNdjson and readNdjson', () => {
  it('appends whole lines, ends a torn last line first, and reads records and problems by line', async () => {
    const dir = await tempDir();
    const path = join(dir, 'deep', 'log.ndjson');
    expect(await readNdjson(path)).toBeNull();
    await appendNdjson(path, '{"a":1}\n', { sync: true });
    await writeFile(path, `${await readFile(path, 'utf8')}{"torn":`);
    await appendNdjson(path, '{"b":2}\n\n');
    const read = await readNdjson(path);
    expect(read?.records.map((record) => [record.line, record.value])).toEqual([
      [1, { a: 1 }],
      [3, { b: 2 }],
    ]);
    expect(read?.problems.map((problem) => [problem.line, problem.raw])).toEqual([[2, '{"torn":']]);
  });

  it('refuses a symbolic link, to append and to read', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'target'), '{}\n');
    await symlink(join(dir, 'target'), join(dir, 'link.ndjson'));
    await expect(appendNdjson(join(dir, 'link.ndjson'), '{}\n')).rejects.toThrow(OperationError);
    await expect(readNdjson(join(dir, 'link.ndjson'))).rejects.toThrow('is a symbolic link');
    expect(await readFile(join(dir, 'target'), 'utf8')).toBe('{}\n');
  });
});

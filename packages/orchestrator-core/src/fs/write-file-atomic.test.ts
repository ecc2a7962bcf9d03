import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './write-file-atomic';
import { writeJsonArtifact } from './write-json-artifact';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rc-atomic-'));
});
afterEach(async () => {
  await chmod(dir, 0o755).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates missing directories idempotently and leaves no temp file', async () => {
    const target = join(dir, 'a', 'b', 'plan.json');
    await writeFileAtomic(target, 'one\n');
    await writeFileAtomic(target, 'two\n');
    expect(await readFile(target, 'utf8')).toBe('two\n');
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['plan.json']);
  });

  it('redacts before writing when given a redactor', async () => {
    const target = join(dir, 'log.txt');
    await writeFileAtomic(target, 'token=abc123', {
      redactor: { redact: (text) => text.replace('abc123', '***') },
    });
    expect(await readFile(target, 'utf8')).toBe('token=***');
  });

  it('leaves the old file and no temp file when the rename fails', async () => {
    const target = join(dir, 'taken');
    await writeFile(join(dir, 'keep'), 'x');
    await rm(target, { force: true });
    // A directory in the way makes rename fail after the temp file was written.
    await import('node:fs/promises').then((fs) =>
      fs.mkdir(join(target, 'inner'), { recursive: true }),
    );
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['keep', 'taken']);
  });

  it.skipIf(process.getuid?.() === 0)('fails when the directory is not writable', async () => {
    await chmod(dir, 0o555);
    await expect(writeFileAtomic(join(dir, 'x'), 'y')).rejects.toThrow();
  });
});

describe('writeJsonArtifact', () => {
  it('writes canonical, redacted JSON and returns the bytes', async () => {
    const target = join(dir, 'out', 'x.json');
    const written = await writeJsonArtifact(
      target,
      { b: 'ghp_secret', a: 1 },
      { redact: (text) => text.replace('ghp_secret', '***') },
    );
    expect(written).toBe('{\n  "a": 1,\n  "b": "***"\n}\n');
    expect(await readFile(target, 'utf8')).toBe(written);
  });
});

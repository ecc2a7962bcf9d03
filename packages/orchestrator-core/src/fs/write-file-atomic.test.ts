import { chmod, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './write-file-atomic';
import { OperationError } from '../errors/rc-error';
import { createRedactor } from '../redact/create-redactor';
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

describe('writeFileAtomic below a root', () => {
  // A directory outside the root that a planted symlink points at; nothing may land there.
  let outside: string;
  beforeEach(async () => {
    outside = await mkdtemp(join(tmpdir(), 'rc-outside-'));
    await writeFile(join(outside, 'plan.json'), 'outside\n');
  });
  afterEach(async () => {
    await rm(outside, { recursive: true, force: true });
  });
  const untouched = async () => {
    expect((await readdir(outside)).sort()).toEqual(['plan.json']);
    expect(await readFile(join(outside, 'plan.json'), 'utf8')).toBe('outside\n');
  };

  it('refuses a run directory that is a symlink, naming it, and writes nothing outside', async () => {
    const root = join(dir, 'artifacts');
    await mkdir(root);
    await symlink(outside, join(root, 'run-1'));
    const target = join(root, 'run-1', 'plan.json');
    const error = await writeFileAtomic(target, 'new\n', { root }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(OperationError);
    expect((error as Error).message).toContain(join(root, 'run-1'));
    expect((error as Error).message).toMatch(/symbolic link/);
    await untouched();
  });

  it('refuses a symlink deeper down, and a target file that is a symlink', async () => {
    const root = join(dir, 'artifacts');
    await mkdir(join(root, 'a'), { recursive: true });
    await symlink(outside, join(root, 'a', 'b'));
    await expect(writeFileAtomic(join(root, 'a', 'b', 'c', 'x'), 'new', { root })).rejects.toThrow(
      OperationError,
    );
    await symlink(join(outside, 'plan.json'), join(root, 'plan.json'));
    await expect(writeFileAtomic(join(root, 'plan.json'), 'new', { root })).rejects.toThrow(
      `${join(root, 'plan.json')} is a symbolic link`,
    );
    await untouched();
  });

  it('refuses a dangling symlink rather than creating its target', async () => {
    const root = join(dir, 'artifacts');
    await mkdir(root);
    await symlink(join(outside, 'new-dir'), join(root, 'run-1'));
    await expect(writeFileAtomic(join(root, 'run-1', 'x'), 'new', { root })).rejects.toThrow(
      OperationError,
    );
    await untouched();
  });

  it('refuses a target file that is a symlink even without a root', async () => {
    await symlink(join(outside, 'plan.json'), join(dir, 'plan.json'));
    await expect(writeFileAtomic(join(dir, 'plan.json'), 'new')).rejects.toThrow(OperationError);
    await untouched();
  });

  it('creates missing directories below the root and may itself be reached through a symlink', async () => {
    await symlink(outside, join(dir, 'linked-root'));
    const root = join(dir, 'linked-root');
    await writeFileAtomic(join(root, 'run-1', 'deep', 'x.json'), 'ok\n', { root });
    expect(await readFile(join(outside, 'run-1', 'deep', 'x.json'), 'utf8')).toBe('ok\n');
  });

  it('refuses a path outside the root', async () => {
    await expect(
      writeFileAtomic(join(dir, 'elsewhere', 'x'), 'new', { root: join(dir, 'artifacts') }),
    ).rejects.toThrow(/not inside/);
  });

  it('passes the root through writeJsonArtifact', async () => {
    const root = join(dir, 'artifacts');
    await mkdir(root);
    await symlink(outside, join(root, 'run-1'));
    await expect(
      writeJsonArtifact(join(root, 'run-1', 'plan.json'), { a: 1 }, createRedactor({ env: {} }), {
        root,
      }),
    ).rejects.toThrow(OperationError);
    await untouched();
  });
});

describe('writeJsonArtifact', () => {
  it('writes canonical, redacted JSON and returns the bytes', async () => {
    const target = join(dir, 'out', 'x.json');
    const written = await writeJsonArtifact(
      target,
      { b: 'ghp_secret', a: 1 },
      createRedactor({ env: {}, secrets: ['ghp_secret'] }),
    );
    expect(written).toBe('{\n  "a": 1,\n  "b": "***"\n}\n');
    expect(await readFile(target, 'utf8')).toBe(written);
  });

  it('redacts field by field, so a secret that looks like JSON syntax cannot break the file', async () => {
    const target = join(dir, 'plan.json');
    const redactor = createRedactor({ env: {}, secrets: ['false', '": "', 'null,'] });
    const value = { dry_run: false, reason: null, note: 'is false', pair: 'a": "b' };
    const written = await writeJsonArtifact(target, value, redactor);
    expect(JSON.parse(written)).toEqual({
      dry_run: false,
      reason: null,
      note: 'is ***',
      pair: 'a***b',
    });
  });
});

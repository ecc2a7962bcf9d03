import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitClient } from '../src/git/create-git-client';
import { GitError } from '../src/git/git-error';
import { runGit } from '../src/git/run-git';
import { removeDir, tempDir } from './_fixtures';

let dir: string;
const env = {
  PATH: process.env.PATH ?? '',
  HOME: '/nonexistent',
  GIT_CONFIG_NOSYSTEM: '1',
};

async function clone(name: string): Promise<string> {
  const path = join(dir, name);
  await runGit(['clone', '--quiet', join(dir, 'remote.git'), path], { cwd: dir, env });
  await runGit(['config', 'user.name', name], { cwd: path, env });
  await runGit(['config', 'user.email', `${name}@example.com`], { cwd: path, env });
  return path;
}

beforeAll(async () => {
  dir = await tempDir('git');
  const seed = join(dir, 'seed');
  await mkdir(seed);
  await runGit(['init', '--quiet', '-b', 'main'], { cwd: seed, env });
  await runGit(['config', 'user.name', 'seed'], { cwd: seed, env });
  await runGit(['config', 'user.email', 'seed@example.com'], { cwd: seed, env });
  await writeFile(join(seed, 'README.md'), 'seed\n');
  await runGit(['add', '.'], { cwd: seed, env });
  await runGit(['commit', '--quiet', '-m', 'seed'], { cwd: seed, env });
  await runGit(['clone', '--quiet', '--bare', seed, join(dir, 'remote.git')], { cwd: dir, env });
});
afterAll(() => removeDir(dir));

describe('createGitClient', () => {
  it('commits, pushes, pulls, shows and detects a rejected push', async () => {
    const a = createGitClient({ cwd: await clone('a'), env });
    const bPath = await clone('b');
    const b = createGitClient({ cwd: bPath, env, remote: 'origin', branch: 'main' });
    expect(a.upstream).toBe('origin/main');

    await writeFile(join(dir, 'a', 'state.json'), '{"n":1}\n');
    expect(await a.changes()).toEqual(['?? state.json']);
    expect(await a.commit(['state.json'], 'a: 1')).toBe(true);
    expect(await a.commit(['state.json'], 'nothing')).toBe(false);
    expect(await a.push()).toBe('pushed');

    await writeFile(join(bPath, 'other.txt'), 'b\n');
    await b.commit(['other.txt'], 'b: other');
    expect(await b.push()).toBe('rejected');
    await b.fetch();
    expect(await b.show(b.upstream, 'state.json')).toBe('{"n":1}\n');
    expect(await b.show(b.upstream, 'missing.json')).toBeNull();
    await b.pull('rebase');
    expect(await b.push()).toBe('pushed');
    expect(await readFile(join(bPath, 'state.json'), 'utf8')).toBe('{"n":1}\n');

    await a.pull('reset');
    expect(await readFile(join(dir, 'a', 'other.txt'), 'utf8')).toBe('b\n');
  });

  it('aborts a conflicting rebase and says so', async () => {
    const cPath = await clone('c');
    const dPath = await clone('d');
    const c = createGitClient({ cwd: cPath, env });
    const d = createGitClient({ cwd: dPath, env });
    await writeFile(join(cPath, 'state.json'), '{"n":"c"}\n');
    await c.commit(['state.json'], 'c');
    await c.push();
    await writeFile(join(dPath, 'state.json'), '{"n":"d"}\n');
    await d.commit(['state.json'], 'd');
    await expect(d.pull('rebase')).rejects.toThrow(/git pull --rebase origin main failed/);
    expect(await d.changes()).toEqual([]);
    await d.resetHard(d.upstream);
    expect(await readFile(join(dPath, 'state.json'), 'utf8')).toBe('{"n":"c"}\n');
  });

  it('names the git command when it fails', async () => {
    const e = createGitClient({ cwd: await clone('e'), env, remote: 'nowhere' });
    await expect(e.fetch()).rejects.toThrow(/git fetch --quiet nowhere main failed: /);
    await expect(e.push()).rejects.toThrow(/git push nowhere main failed/);
    await expect(runGit(['status'], { cwd: dir })).rejects.toThrow(/git status failed/);
    expect((await runGit(['status'], { cwd: dir, allowFailure: true })).exitCode).not.toBe(0);
  });

  it('fails with a GitError carrying the command, exit 1', async () => {
    const e = createGitClient({ cwd: await clone('f'), env, remote: 'nowhere' });
    for (const [attempt, args] of [
      [() => e.fetch(), ['fetch', '--quiet', 'nowhere', 'main']],
      [() => e.push(), ['push', 'nowhere', 'main']],
      [() => runGit(['status'], { cwd: dir }), ['status']],
    ] as const) {
      const error = await attempt().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(GitError);
      expect(error).toMatchObject({ code: 'E_GIT', exitCode: 1, args });
    }
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gitFailureHint } from './git-failure-hint';

const NO_REPO =
  'is not a git repository; run rc inside your repository, or create one here (git init -b main)';
const NO_COMMIT =
  'the repository has no commit yet; make a first commit (git commit --allow-empty -m init)';

describe('gitFailureHint', () => {
  // git's own words (git 2.39), as rc's errors quote them.
  it.each([
    [
      'git status --porcelain failed: fatal: not a git repository (or any of the parent directories): .git',
      `/work/app ${NO_REPO}`,
    ],
    [
      "git rev-parse HEAD failed in /work/app: fatal: ambiguous argument 'HEAD': unknown revision or path not in the working tree.",
      NO_COMMIT,
    ],
    ["fatal: your current branch 'main' does not have any commits yet", NO_COMMIT],
    ["fatal: not a valid object name: 'HEAD'", NO_COMMIT],
    ["fatal: invalid object name 'HEAD'.", NO_COMMIT],
    ['fatal: Squash commit into empty head not supported yet', NO_COMMIT],
    [
      "fatal: detected dubious ownership in repository at '/srv/app'",
      'git refuses /srv/app: another user owns it; if you trust it, run git config --global --add safe.directory /srv/app',
    ],
    [
      'git commit failed: Author identity unknown | *** Please tell me who you are.',
      'git does not know who you are; set git config user.name "Your Name" and git config user.email you@example.com',
    ],
    [
      "git pull --rebase origin main failed: fatal: 'origin' does not appear to be a git repository",
      'the git remote "origin" is missing or unreachable; add it (git remote add origin <url>), or set loop.sync.remote',
    ],
    [
      "git pull --rebase origin main failed: fatal: couldn't find remote ref main",
      'the remote has no branch "main" yet; push one (git push -u origin HEAD:main), or set loop.sync.branch',
    ],
    [
      "git push origin main failed: fatal: Authentication failed for 'https://github.com/o/r.git/'",
      'git could not authenticate to the remote; check its URL (git remote -v) and your credentials (a token with contents: write in CI)',
    ],
    [
      'git push failed: git@github.com: Permission denied (publickey).',
      expect.stringContaining('could not authenticate'),
    ],
    [
      "fatal: Unable to create '/work/app/.git/index.lock': File exists.",
      'another git command holds /work/app/.git/index.lock; wait for it, or remove the file if no git is running',
    ],
    ['git merge failed: CONFLICT (content): Merge conflict in a.txt', null],
    ['the loop cannot start:', null],
  ])('%s', (text, hint) => {
    expect(gitFailureHint(text, '/work/app')).toEqual(hint);
  });

  // The table above is checked against what this machine's git really prints.
  describe('against real git', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rc-git-hint-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const env = { ...process.env, GIT_CEILING_DIRECTORIES: tmpdir(), LC_ALL: 'C' };
    const stderr = (cwd: string, ...args: string[]) =>
      spawnSync('git', args, { cwd, env, encoding: 'utf8' }).stderr;

    it('says what to do in a directory that is not a repository', () => {
      expect(gitFailureHint(stderr(dir, 'status'), dir)).toBe(`${dir} ${NO_REPO}`);
    });

    it.each([
      ['rev-parse', 'HEAD'],
      ['log'],
      ['worktree', 'add', '-B', 'x', '../wt', 'HEAD'],
      ['diff', 'HEAD'],
    ])('says what to do when git %s meets a repository with no commit', (...args) => {
      const repo = mkdtempSync(join(dir, 'repo-'));
      execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo, env });
      expect(gitFailureHint(stderr(repo, ...args), repo)).toBe(NO_COMMIT);
    });

    it('says what to do about a missing remote and a remote without the branch', () => {
      const repo = mkdtempSync(join(dir, 'remote-'));
      execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo, env });
      expect(gitFailureHint(stderr(repo, 'pull', '--rebase', 'origin', 'main'), repo)).toContain(
        'the git remote "origin" is missing',
      );
      execFileSync('git', ['init', '-q', '--bare', '-b', 'main', join(dir, 'bare.git')], { env });
      execFileSync('git', ['remote', 'add', 'origin', join(dir, 'bare.git')], { cwd: repo, env });
      expect(gitFailureHint(stderr(repo, 'pull', '--rebase', 'origin', 'main'), repo)).toContain(
        'the remote has no branch "main" yet',
      );
    });
  });
});

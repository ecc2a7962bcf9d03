import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, runRc } from './_harness';
import { loopFixture, LOOP_YAML } from './loop-fixture';

// Raw git failures, met in real temp directories, are said as what to do (git's words below).
let fx: Awaited<ReturnType<typeof loopFixture>>;
let env: Record<string, string>;
beforeEach(async () => {
  fx = await loopFixture(LOOP_YAML('  sync: { mode: git, poll_interval_s: 0.05 }\n'));
  // The temp dir may sit inside some repository: git must not find it.
  env = { ...fx.env, GIT_CEILING_DIRECTORIES: fx.dir };
  copyFileSync(join(repoRoot, 'examples/playbook/master-plan.md'), join(fx.repo, 'plan.md'));
});
afterEach(() => fx.cleanup());

const git = (...args: string[]) => execFileSync('git', args, { cwd: fx.repo, env });
const role = () =>
  runRc(['loop', 'run', '--mode', 'role', '--role', 'galph', '--once'], { cwd: fx.repo, env });
const agent = `node ${join(repoRoot, 'examples/playbook/scripted-agent.mjs')}`;
const playbook = () =>
  runRc(['playbook', 'run', 'plan.md', '--agent', agent], { cwd: fx.repo, env });

describe('git failures told as what to do', () => {
  it('rc loop run --mode role outside a repository names the directory and git init', async () => {
    const result = await role();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `rc: ${fx.repo} is not a git repository; run rc inside your repository, or create one here (git init -b main)\n  git status --porcelain --untracked-files=all failed: fatal: not a git repository`,
    );
  });

  it('rc loop run --mode role with no remote, then a remote without the branch', async () => {
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@x', 'commit', '-q', '-m', 'init');
    const noRemote = await role();
    expect(noRemote.code).toBe(1);
    expect(noRemote.stderr).toContain(
      'rc: the git remote "origin" is missing or unreachable; add it (git remote add origin <url>), or set loop.sync.remote\n  git pull --rebase origin main failed:',
    );
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', join(fx.dir, 'remote.git')], {
      env,
    });
    git('remote', 'add', 'origin', join(fx.dir, 'remote.git'));
    const noBranch = await role();
    expect(noBranch.code).toBe(1);
    expect(noBranch.stderr).toContain(
      'rc: the remote has no branch "main" yet; push one (git push -u origin HEAD:main), or set loop.sync.branch',
    );
  });

  it('rc playbook run outside a repository says so, not "no commit yet", and writes nothing', async () => {
    const result = await playbook();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `  repository: ${fx.repo} is not a git repository: run rc inside your repository, or create one here (git init -b main) and make a first commit`,
    );
    expect(result.stderr).not.toContain('no commit yet');
    expect(existsSync(join(fx.repo, '.orchestrator'))).toBe(false);
  });

  it('rc playbook run in a repository with no commit asks for a first commit', async () => {
    git('init', '-q', '-b', 'main');
    const result = await playbook();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '  repository: no commit yet; tasks branch from HEAD: make a first commit (git commit --allow-empty -m init)',
    );
    expect(result.stderr).not.toContain('not a git repository');
  });
});

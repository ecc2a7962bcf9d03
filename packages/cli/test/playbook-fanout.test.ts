import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './_harness';
import { tempDir } from './_temp-dir';

// The fan-out as GitHub Actions runs it, on one machine: one bare remote, a fresh clone and a
// separate `rc` process per task (dependency levels in order, a level's tasks at once), each
// pushing rc/<id>; then the fan-in on another clone. Its tree must equal a one-machine run's.
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  bin: { rc: string };
};
const bin = fileURLToPath(new URL(`../${manifest.bin.rc}`, import.meta.url));
const plan = join(repoRoot, 'examples/playbook/master-plan.md');
const agent = `node ${join(repoRoot, 'examples/playbook/scripted-agent.mjs')}`;
const env = {
  PATH: process.env['PATH'] ?? '',
  SCRIPTED_AGENT_DELAY_MS: '0',
  GIT_AUTHOR_NAME: 'rc test',
  GIT_AUTHOR_EMAIL: 'rc@example.test',
  GIT_COMMITTER_NAME: 'rc test',
  GIT_COMMITTER_EMAIL: 'rc@example.test',
};
const RUN_ID = '2026-11-20T09-15-00-0700';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } }).trim();

function rc(args: string[], cwd: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function clone(remote: string, root: string, name: string): string {
  const dir = join(root, name);
  git(root, 'clone', '-q', remote, dir);
  git(dir, 'fetch', '-q', 'origin', '+refs/heads/rc/*:refs/heads/rc/*');
  return dir;
}

describe('the playbook fan-out', () => {
  it(
    'ends in the same tree as a one-machine run, and its fan-in is idempotent',
    { timeout: 180_000 },
    async () => {
      const root = tempDir('rc-fanout-');
      const seed = join(root, 'seed');
      mkdirSync(seed);
      git(seed, 'init', '-q', '-b', 'main');
      copyFileSync(plan, join(seed, 'master-plan.md'));
      git(seed, 'add', '-A');
      git(seed, 'commit', '-q', '-m', 'plan');
      const remote = join(root, 'remote.git');
      git(root, 'clone', '-q', '--bare', seed, remote);

      // (a) one machine
      const local = clone(remote, root, 'local');
      const one = await rc(
        ['playbook', 'run', 'master-plan.md', '--agent', agent, '--run-id', RUN_ID],
        local,
      );
      expect(one.stderr).toContain('start  P1-UI-01');
      expect(one.code).toBe(0);

      // (b) the fan-out: the github-matrix levels, each task in its own clone and process
      const matrix = JSON.parse(
        (await rc(['playbook', 'plan', 'master-plan.md', '--format', 'github-matrix'], local))
          .stdout,
      ) as {
        include: { task: string; wave: number }[];
      };
      const levels = [...new Set(matrix.include.map((row) => row.wave))].sort((a, b) => a - b);
      const evidence: string[] = [];
      for (const level of levels) {
        const tasks = matrix.include.filter((row) => row.wave === level).map((row) => row.task);
        await Promise.all(
          tasks.map(async (task) => {
            const runner = clone(remote, root, `runner-${task}`);
            const run = await rc(
              [
                'playbook',
                'run',
                'master-plan.md',
                '--agent',
                agent,
                '--task',
                task,
                '--no-merge',
                '--run-id',
                RUN_ID,
                '--runner',
                `runner-${task}`,
              ],
              runner,
            );
            expect(run.code, run.stderr).toBe(0);
            git(runner, 'push', '-q', 'origin', `rc/${task}`);
            evidence.push(join(runner, '.orchestrator'));
          }),
        );
      }
      expect(git(root, '--git-dir', remote, 'branch', '--list', 'rc/*').split('\n')).toHaveLength(
        4,
      );

      const merger = clone(remote, root, 'merger');
      const merged = await rc(
        ['playbook', 'merge', 'master-plan.md', '--ledgers', ...evidence, '--run-id', RUN_ID],
        merger,
      );
      expect(merged.code, merged.stderr).toBe(0);
      expect(merged.stdout).toContain(
        '| Task ID | Run | Owner Skill | Evidence | Result | Usage | Next Action |',
      );
      expect(merged.stdout).toContain('merged by the fan-in');
      git(merger, 'push', '-q', 'origin', 'main');

      const tree = (dir: string) => git(dir, 'rev-parse', 'HEAD^{tree}');
      expect(tree(merger)).toBe(tree(local));
      for (const task of ['P1-CORE-01', 'P1-DOC-01', 'P1-UI-01', 'P1-QA-01'])
        expect(
          git(merger, 'log', '--format=%(trailers:key=Rc-Task,valueonly)').split('\n'),
        ).toContain(task);

      // Again: nothing new is merged, main does not move.
      const head = git(merger, 'rev-parse', 'HEAD');
      const again = await rc(
        ['playbook', 'merge', 'master-plan.md', '--ledgers', ...evidence, '--run-id', RUN_ID],
        merger,
      );
      expect(again.code).toBe(0);
      expect(again.stderr).toContain('every task merged; nothing new to merge');
      expect(git(merger, 'rev-parse', 'HEAD')).toBe(head);

      // And a one-machine run on the fanned-in main has nothing left to do.
      const after = clone(remote, root, 'after');
      const rerun = await rc(['playbook', 'run', 'master-plan.md', '--agent', agent], after);
      expect(rerun.stdout).toContain('nothing to do');
    },
  );
});

import { execFileSync } from 'node:child_process';
import { chmod, copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runRc } from './_harness';
import { loopFixture } from './loop-fixture';

// The agent's token: in its environment, as a real agent's GITHUB_TOKEN is.
const TOKEN = `ghp_${'A1b2C3d4E5'.repeat(3)}xyz123`;
/** Prints the token 50,000 times on one line, unbroken, then 50,000 times apart: 4 MB of it. */
const LEAKY_AGENT = `#!/bin/sh
echo "start $RC_LOOP_ITERATION $RC_LOOP_ACTOR"
yes "$GITHUB_TOKEN" | head -n 50000 | tr -d '\\n'; echo
yes "$GITHUB_TOKEN" | head -n 50000 | tr '\\n' ' '; echo
echo end
`;

let fx: Awaited<ReturnType<typeof loopFixture>>;
let env: Record<string, string>;
const git = (args: string[], cwd: string) =>
  execFileSync('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });

/** Fails naming the file when any piece of the token is in `text`. */
function expectNoToken(text: string, where: string): void {
  for (const piece of [TOKEN, 'ghp_', TOKEN.slice(4, 14), TOKEN.slice(-10)]) {
    expect(text.includes(piece), `${where} contains ${piece}`).toBe(false);
  }
}

beforeAll(async () => {
  fx = await loopFixture(`version: 1
loop:
  actors:
    galph: { agent: { preset: custom, command: leaky-agent } }
    ralph: { agent: { preset: custom, command: leaky-agent } }
  limits: { max_iterations: 3, turn_timeout_s: 60, idle_timeout_s: null }
  sync: { mode: git }
`);
  await writeFile(join(fx.bin, 'leaky-agent'), LEAKY_AGENT);
  await chmod(join(fx.bin, 'leaky-agent'), 0o755);
  env = { ...fx.env, GITHUB_TOKEN: TOKEN };
});
afterAll(() => fx.cleanup());

describe('an agent printing its token 50,000 times on one line', () => {
  it('leaves no piece of it in the loop transcripts (combined mode)', async () => {
    const run = await runRc(['loop', 'run', '--once'], { cwd: fx.repo, env });
    expect(run.code, run.stderr).toBe(0);
    const logs = await readdir(join(fx.repo, 'logs'));
    expect(logs).toEqual(['1-galph-supervisor.log']);
    const text = await readFile(join(fx.repo, 'logs', logs[0] as string), 'utf8');
    expectNoToken(text, 'logs/1-galph-supervisor.log');
    expect(text.split('\n')).toEqual([
      'start 1 galph',
      '***',
      `${'*** '.repeat(50_000)}`,
      'end',
      '',
    ]);
  });

  it('leaves no piece of it in the history role mode pushes', async () => {
    const remote = join(fx.dir, 'remote.git');
    const clone = join(fx.dir, 'galph');
    git(['init', '--quiet', '--bare', '-b', 'main', remote], fx.dir);
    git(['clone', '--quiet', remote, clone], fx.dir);
    git(['config', 'user.name', 'galph'], clone);
    git(['config', 'user.email', 'galph@example.com'], clone);
    await copyFile(join(fx.repo, 'orchestration.yaml'), join(clone, 'orchestration.yaml'));
    execFileSync('cp', ['-r', join(fx.repo, 'prompts'), clone]);
    git(['add', '.'], clone);
    git(['commit', '--quiet', '-m', 'seed'], clone);
    git(['push', '--quiet', 'origin', 'main'], clone);

    const run = await runRc(['loop', 'run', '--mode', 'role', '--role', 'galph', '--once'], {
      cwd: clone,
      env,
    });
    expect(run.code, run.stderr).toBe(0);
    const history = git(['log', '-p', '--all'], remote);
    expect(history).toContain('logs/1-galph-supervisor.log');
    expect(history).toContain('+start 1 galph');
    expectNoToken(history, 'the pushed history');
  });

  it('leaves no piece of it in a playbook task log', async () => {
    const repo = join(fx.dir, 'playbook');
    git(['init', '--quiet', '-b', 'main', repo], fx.dir);
    git(['config', 'user.name', 'rc test'], repo);
    git(['config', 'user.email', 'rc@example.test'], repo);
    await copyFile(join(repoRoot, 'examples/playbook/master-plan.md'), join(repo, 'plan.md'));
    git(['add', '-A'], repo);
    git(['commit', '--quiet', '-m', 'plan'], repo);

    const run = await runRc(
      ['playbook', 'run', 'plan.md', '--agent', join(fx.bin, 'leaky-agent'), '--task', 'P1-DOC-01'],
      { cwd: repo, env },
    );
    expect(run.stderr).toContain('start  P1-DOC-01');
    const text = await readFile(join(repo, '.orchestrator/logs/P1-DOC-01.log'), 'utf8');
    expectNoToken(text, '.orchestrator/logs/P1-DOC-01.log');
    expect(text).toContain('\n***\n');
    expectNoToken(run.stdout + run.stderr, 'the output of rc playbook run');
  });
});

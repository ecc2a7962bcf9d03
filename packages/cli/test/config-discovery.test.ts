import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exampleEvent, repoRoot } from './_harness';

const bin = fileURLToPath(new URL('../dist/rc.cjs', import.meta.url));
const RUN_ID = '2026-11-20T09-15-00-0700';
// A config nobody should read: any command that picked it up would exit 2 naming it.
const POISON = 'gate:\n  allowed_roles: [owner]\n';
let top: string;

beforeEach(async () => {
  // Real paths: the search walks the directories as they are, symlinks resolved.
  top = await realpath(await mkdtemp(join(tmpdir(), 'rc-config-discovery-')));
});
afterEach(async () => {
  await rm(top, { recursive: true, force: true });
});

/** The built binary, as a user runs it from `cwd`. */
function rc(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function gitRepo(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const init = spawnSync('git', ['init', '-q', '-b', 'main', dir], { encoding: 'utf8' });
  expect(init.status, init.stderr).toBe(0);
  return dir;
}

// A copy of examples/repo (its gate reads .github/rc-roles.json, its prompts live in
// project/prompts/wave2) made a git repository.
async function exampleRepo(): Promise<string> {
  const repo = join(top, 'repo');
  await cp(join(repoRoot, 'examples/repo'), repo, { recursive: true });
  return gitRepo(repo);
}

const parse = ['orchestrator', 'parse', '--event-path', exampleEvent];

describe('finding orchestration.yaml', () => {
  it('takes the one in a parent directory and says so on stderr, never on stdout', async () => {
    const repo = await gitRepo(join(top, 'repo'));
    await mkdir(join(repo, 'app/src'), { recursive: true });
    await writeFile(join(repo, 'app/orchestration.yaml'), 'dispatch:\n  static_args: wave=app\n');
    await writeFile(join(repo, 'orchestration.yaml'), POISON);
    const result = rc(parse, join(repo, 'app/src'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('rc config: ../orchestration.yaml\n');
    // stdout is the command alone, read with the config found (its static_args).
    expect(JSON.parse(result.stdout)).toMatchObject({ wave: 'app', prompt: 'triage' });
  });

  it('takes the one at the git root from deep inside, and resolves its paths from there', async () => {
    const repo = await exampleRepo();
    const deep = join(repo, 'project/prompts/wave2');
    const plan = rc(
      ['orchestrator', 'plan', '--event-path', exampleEvent, '--run-id', RUN_ID, '--json'],
      deep,
    );
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stderr.split('\n')[0]).toBe('rc config: ../../../orchestration.yaml');
    // dispatch.prompts_dir and dispatch.artifacts_dir are the config's, not the cwd's.
    expect(JSON.parse(plan.stdout)).toMatchObject({
      prompt: { path: 'project/prompts/wave2/triage.md' },
    });
    expect(existsSync(join(repo, 'artifacts/orchestrator', RUN_ID, 'plan.json'))).toBe(true);
    expect(existsSync(join(deep, 'artifacts'))).toBe(false);

    // gate.roles_file (.github/rc-roles.json) too.
    const gate = rc(['gate', 'check', '--event-path', exampleEvent, '--json'], deep);
    expect(gate.code, gate.stderr).toBe(0);
    expect(JSON.parse(gate.stdout)).toMatchObject({ allowed: true, source: 'roles-file' });
  });

  it('says when there is none and uses the defaults', async () => {
    const repo = await gitRepo(join(top, 'repo'));
    await mkdir(join(repo, 'sub'));
    const result = rc(parse, join(repo, 'sub'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(
      `rc config: no orchestration.yaml found (searched up to ${repo}); using defaults\n`,
    );
    expect(JSON.parse(result.stdout)).toMatchObject({ command: 'orchestrate' });
  });

  it('never takes one above the git root', async () => {
    await writeFile(join(top, 'orchestration.yaml'), POISON);
    const repo = await gitRepo(join(top, 'repo'));
    await mkdir(join(repo, 'sub'));
    const result = rc(parse, join(repo, 'sub'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(
      `rc config: no orchestration.yaml found (searched up to ${repo}); using defaults\n`,
    );
  });

  it('takes a worktree (.git is a file there) as a git root as well', async () => {
    await writeFile(join(top, 'orchestration.yaml'), POISON);
    const main = await gitRepo(join(top, 'main'));
    const commit = spawnSync(
      'git',
      [
        '-C',
        main,
        '-c',
        'user.name=t',
        '-c',
        'user.email=t@e',
        'commit',
        '-q',
        '--allow-empty',
        '-m',
        'c',
      ],
      { encoding: 'utf8' },
    );
    expect(commit.status, commit.stderr).toBe(0);
    const tree = join(top, 'tree');
    spawnSync('git', ['-C', main, 'worktree', 'add', '-q', tree], { encoding: 'utf8' });
    expect(existsSync(join(tree, '.git'))).toBe(true);
    const result = rc(parse, tree);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`(searched up to ${tree})`);
  });

  it('searches from where a symlinked working directory really is', async () => {
    const repo = await gitRepo(join(top, 'repo'));
    await mkdir(join(repo, 'deep/er'), { recursive: true });
    await writeFile(join(repo, 'orchestration.yaml'), 'dispatch:\n  static_args: wave=repo\n');
    // The link's own parent holds a config the logical path would find first.
    await mkdir(join(top, 'elsewhere'));
    await writeFile(join(top, 'elsewhere/orchestration.yaml'), POISON);
    await symlink(join(repo, 'deep/er'), join(top, 'elsewhere/link'));
    const result = rc(parse, join(top, 'elsewhere/link'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('rc config: ../../orchestration.yaml\n');
    expect(JSON.parse(result.stdout)).toMatchObject({ wave: 'repo' });
  });

  it('says it once for rc simulate, whose steps read the same file', async () => {
    const repo = await exampleRepo();
    const comment = [
      'simulate',
      '--comment',
      '/orchestrate #276 prompt=triage',
      '--author',
      'Codertocat',
    ];
    const result = rc(
      [...comment, '--issue', '276', '--label', 'wave:wave2', '--json'],
      join(repo, 'project'),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('rc config:'))).toEqual([
      'rc config: ../orchestration.yaml',
    ]);
    // dispatch.local_command (node scripts/local-runner.mjs) ran from the config's directory.
    expect(JSON.parse(result.stdout)).toMatchObject({ trigger: 'local', gate: 0, dispatch: 0 });
    expect(existsSync(join(repo, 'artifacts/orchestrator/dispatch-log.ndjson'))).toBe(true);
  });

  it('says nothing with --config, and nothing under RC_LOG_LEVEL=warn', async () => {
    const repo = await exampleRepo();
    const given = rc([...parse, '--config', 'orchestration.yaml'], repo);
    expect(given).toMatchObject({ code: 0, stderr: '' });
    const quiet = rc(parse, repo, { RC_LOG_LEVEL: 'warn' });
    expect(quiet).toMatchObject({ code: 0, stderr: '' });
  });

  it('names the file found when it is invalid (exit 2)', async () => {
    const repo = await gitRepo(join(top, 'repo'));
    await mkdir(join(repo, 'sub'));
    await writeFile(join(repo, 'orchestration.yaml'), POISON);
    const result = rc(parse, join(repo, 'sub'));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^rc config: \.\.\/orchestration\.yaml\nrc: invalid config \.\.\/orchestration\.yaml:\n.*gate\.allowed_roles/,
    );
  });
});

describe('paths in a config given with --config', () => {
  it("are relative to the file: the README's rc loop run --config examples/loop/orchestration.yaml", async () => {
    const repo = await gitRepo(join(top, 'repo'));
    await cp(join(repoRoot, 'examples/loop'), join(repo, 'examples/loop'), { recursive: true });
    const config = ['--config', 'examples/loop/orchestration.yaml'];
    const run = rc(['loop', 'run', ...config], repo);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('rc loop: done: ralph printed RC_DONE in iteration 2');
    // Prompts, logs, state and the agents' working directory are all examples/loop.
    const loop = join(repo, 'examples/loop');
    expect(existsSync(join(loop, 'logs/1-galph-supervisor.log'))).toBe(true);
    expect(existsSync(join(loop, 'sync/state.json'))).toBe(true);
    expect(await readFile(join(loop, 'notes.md'), 'utf8')).toContain('iteration 2: ralph ran main');
    expect(existsSync(join(repo, 'logs'))).toBe(false);
    expect(existsSync(join(repo, 'sync'))).toBe(false);
    const status = rc(['loop', 'status', ...config, '--json'], repo);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ status: 'done' });
  });

  it('are relative to the file for the plan, while --artifacts-dir stays the caller’s', async () => {
    const repo = await exampleRepo();
    const config = ['--config', 'repo/orchestration.yaml'];
    const args = ['orchestrator', 'plan', '--event-path', exampleEvent, '--run-id', RUN_ID];
    const result = rc([...args, ...config], top);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(repo, 'artifacts/orchestrator', RUN_ID, 'plan.json'))).toBe(true);
    const mine = rc([...args, ...config, '--artifacts-dir', 'out'], top);
    expect(mine.code, mine.stderr).toBe(0);
    expect(existsSync(join(top, 'out', RUN_ID, 'plan.json'))).toBe(true);
  });
});

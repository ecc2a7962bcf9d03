// Temp repositories, the rc CLI and the agent CLIs' environment for the end-to-end tests.
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const E2E_ROOT = join(here, '..');
export const REPO_ROOT = join(E2E_ROOT, '..', '..');
/** The built rc CLI of this checkout. */
export const RC_BIN = join(REPO_ROOT, 'packages', 'cli', 'dist', 'rc.cjs');
/** The agent CLIs installed from the registry by this project. */
export const AGENT_BIN = join(E2E_ROOT, 'node_modules', '.bin');

/** A fresh git repository (branch main, one commit) with the given files; HOME beside it. */
export async function repository(files) {
  const base = await mkdtemp(join(tmpdir(), 'rc-agent-e2e-'));
  const root = join(base, 'repo');
  const home = join(base, 'home');
  await mkdir(root, { recursive: true });
  await mkdir(home, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  const git = (...args) => {
    const result = spawnSync('git', args, { cwd: root, encoding: 'utf8', env: gitEnv(home) });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
  };
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'start');
  return { base, root, home, git, cleanup: () => rm(base, { recursive: true, force: true }) };
}

function gitEnv(home) {
  return {
    PATH: process.env.PATH,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'rc e2e',
    GIT_AUTHOR_EMAIL: 'e2e@rc.invalid',
    GIT_COMMITTER_NAME: 'rc e2e',
    GIT_COMMITTER_EMAIL: 'e2e@rc.invalid',
  };
}

/** The environment rc and the agents run with: nothing from the caller but PATH. */
export function agentEnv(home, extra = {}) {
  return {
    ...gitEnv(home),
    PATH: `${AGENT_BIN}:${process.env.PATH}`,
    NO_COLOR: '1',
    // No telemetry, update checks or other traffic beyond the stand-in.
    DISABLE_TELEMETRY: '1',
    DISABLE_AUTOUPDATER: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    GEMINI_CLI_NO_RELAUNCH: 'true',
    ...extra,
  };
}

/** Runs the rc CLI; resolves with its exit code, stdout and stderr. */
export function rc(args, { cwd, env, timeoutMs = 240_000 }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RC_BIN, ...args], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGINT');
      reject(new Error(`rc ${args.join(' ')} still running after ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A loopback port nothing listens on (bound, then released): a model API that is unreachable. */
export async function closedPort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function readJson(path) {
  return JSON.parse(await readFile(path, 'utf8'));
}

/** orchestration.yaml for a loop of one preset: supervisor read-only, worker edit. */
export function loopYaml(preset, overrides = {}) {
  const limits = { max_iterations: 2, turn_timeout_s: 180, idle_timeout_s: 60, ...overrides };
  const lines = Object.entries(limits)
    .map(([key, value]) => `    ${key}: ${value}\n`)
    .join('');
  return `loop:
  actors:
    galph:
      agent: { preset: ${preset} }
    ralph:
      agent: { preset: ${preset} }
  limits:
${lines}`;
}

/** The loop's prompts: the supervisor only answers, the worker writes notes/<n>.txt. */
export const LOOP_PROMPTS = {
  'prompts/supervisor.md':
    'You supervise. Read the notes and say what comes next.\nstand-in: say "Next: the worker writes the next note."\n',
  'prompts/main.md':
    'Write the next note. When the second note is written, end your answer with a line RC_DONE.\nstand-in: write notes/{n}.txt "note {n}" finish-after 2\n',
};

/** A two-task master plan: disjoint scopes, each task writes one file that its check looks for. */
export const PLAYBOOK_PLAN = `# Program Goal

- Goal: two notes written by the agent

## Branch Backlog

| Branch ID | Objective | Owner Skill | Dependencies | Done Criteria | Scope | Checks |
| --------- | --------- | ----------- | ------------ | ------------- | ----- | ------ |
| T1 | stand-in: write a/one.txt "one" finish-after 1 | development-implementer | - | a/one.txt exists | a/ | test -f a/one.txt |
| T2 | stand-in: write b/two.txt "two" finish-after 1 | development-implementer | - | b/two.txt exists | b/ | test -f b/two.txt |
`;

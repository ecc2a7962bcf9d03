// The shared case table of issue 13: the CLI (`rc gate check` then `rc orchestrator dispatch`,
// as the orchestrator-runner workflow runs them), the Action as a library (runAction in this
// process) and the committed Action bundle (a real `node action/index.mjs`) are given the same
// event, configuration and GitHub stand-in, and must agree byte for byte on every artifact
// written, on what was sent to workflow_dispatch, and on the exit code.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAction } from '@rc/workflows';
import { exampleEvent, repoRoot, runRc } from './_harness';
import { json, startGitHubServer, type RecordedRequest } from './_github-server';

const TOKEN = 'ghp_CASEtable0123456789abcdefghijklmnopqr';
const RUN_ID = '2026-11-20T09-15-00-0700';
const BUNDLE = resolve(repoRoot, 'packages/workflows/action/index.mjs');
const FRONT_ENDS = ['cli', 'library', 'bundle'] as const;
type FrontEnd = (typeof FRONT_ENDS)[number];

interface Case {
  name: string;
  /** The comment body, or a whole payload replacing the event. */
  body?: string;
  payload?: unknown;
  role?: string;
  /** What /dispatches answers: a status, or `hang` (never answers). */
  dispatch?: number | 'hang';
  /** Labels of any issue looked up through the API. */
  labels?: string[];
  /**
   * The config: `missing` (a given path that does not exist), `unreadable` (orchestration.yaml
   * is a directory) or `bad` (values the schema rejects).
   */
  config?: 'missing' | 'unreadable' | 'bad';
  /** How many times the same event is delivered. */
  deliveries?: number;
  env?: Record<string, string>;
  /** Expected: exit code, the log's outcomes, and how many workflow_dispatch calls were made. */
  code: number;
  outcomes: string[];
  dispatches: number;
}

const CASES: Case[] = [
  { name: 'dispatch', code: 0, outcomes: ['dispatched'], dispatches: 1 },
  {
    name: 'dry run',
    body: '/orchestrate #276 prompt=triage dry-run',
    code: 0,
    outcomes: [],
    dispatches: 0,
  },
  {
    name: 'duplicate redelivery',
    deliveries: 2,
    code: 0,
    outcomes: ['dispatched', 'duplicate'],
    dispatches: 1,
  },
  {
    name: 'plan only',
    body: '/orchestrate #276 prompt=triage mode=plan',
    code: 0,
    outcomes: ['recorded'],
    dispatches: 0,
  },
  { name: 'invalid event', payload: { hello: 'world' }, code: 2, outcomes: [], dispatches: 0 },
  { name: 'missing config', config: 'missing', code: 2, outcomes: [], dispatches: 0 },
  { name: 'unreadable config', config: 'unreadable', code: 2, outcomes: [], dispatches: 0 },
  { name: 'bad config', config: 'bad', code: 2, outcomes: [], dispatches: 0 },
  { name: 'API 5xx', dispatch: 502, code: 1, outcomes: ['failed'], dispatches: 1 },
  {
    name: 'timeout',
    dispatch: 'hang',
    env: { RC_GITHUB_TIMEOUT_MS: '300' },
    code: 1,
    outcomes: ['failed'],
    dispatches: 1,
  },
  {
    name: 'label missing',
    body: '/orchestrate #277 prompt=triage',
    labels: [],
    code: 1,
    outcomes: [],
    dispatches: 0,
  },
  { name: 'denied author', role: 'read', code: 1, outcomes: [], dispatches: 0 },
];

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

// A fresh copy of examples/repo whose gate asks the API for roles, with the case's event.
async function setUp(c: Case) {
  const repo = await mkdtemp(join(tmpdir(), 'rc-front-ends-'));
  temps.push(repo);
  await cp(join(repoRoot, 'examples/repo'), repo, { recursive: true });
  const configPath = join(repo, 'orchestration.yaml');
  const config = (await readFile(configPath, 'utf8')).replace('[roles-file]', '[api]');
  if (c.config === 'unreadable') {
    await rm(configPath);
    await mkdir(configPath);
  } else {
    await writeFile(
      configPath,
      c.config === 'bad' ? config.replace('ref: main', 'ref: 7') + 'gate2: {}\n' : config,
    );
  }
  const event = JSON.parse(await readFile(exampleEvent, 'utf8')) as { comment: { body: string } };
  if (c.body !== undefined) event.comment.body = c.body;
  const eventPath = join(repo, 'event.json');
  await writeFile(eventPath, JSON.stringify(c.payload ?? event));
  return { repo, eventPath, config: c.config === 'missing' ? 'missing.yaml' : '' };
}

function stand_in(c: Case) {
  return startGitHubServer((request: RecordedRequest, res) => {
    if (request.url.endsWith('/permission'))
      return json(res, 200, { permission: c.role ?? 'maintain', role_name: c.role ?? 'maintain' });
    if (request.url.includes('/dispatches')) {
      if (c.dispatch === 'hang') return;
      if (c.dispatch === undefined || c.dispatch === 204) {
        res.writeHead(204);
        res.end();
        return;
      }
      return json(res, c.dispatch, { message: 'upstream trouble' });
    }
    if (request.url.includes('/reactions')) return json(res, 201, { id: 1, content: 'eyes' });
    if (/\/issues\/\d+$/.test(request.url))
      return json(res, 200, {
        number: Number(request.url.split('/').pop()),
        labels: (c.labels ?? []).map((name) => ({ name })),
      });
    return json(res, 404, { message: 'Not Found' });
  });
}

async function runFrontEnd(
  frontEnd: FrontEnd,
  setup: { repo: string; eventPath: string; config: string },
  apiUrl: string,
  c: Case,
): Promise<number> {
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    GITHUB_EVENT_NAME: 'issue_comment',
    GITHUB_API_URL: apiUrl,
    PHOENIX_RUN_ID: RUN_ID,
    ...c.env,
  };
  if (frontEnd === 'cli') {
    const common = ['--event-path', setup.eventPath, '--event-name', 'issue_comment'];
    const config = setup.config === '' ? [] : ['--config', setup.config];
    const cliEnv = { ...env, ORCHESTRATOR_BOT_TOKEN: TOKEN };
    const gate = await runRc(['gate', 'check', ...common, ...config], {
      cwd: setup.repo,
      env: cliEnv,
    });
    if (gate.code !== 0) return gate.code;
    const dispatch = await runRc(
      ['orchestrator', 'dispatch', ...common, ...config, '--trigger', 'github'],
      { cwd: setup.repo, env: cliEnv },
    );
    return dispatch.code;
  }
  const actionEnv = {
    ...env,
    GITHUB_EVENT_PATH: setup.eventPath,
    INPUT_TOKEN: TOKEN,
    INPUT_CONFIG: setup.config,
  };
  if (frontEnd === 'library') {
    return runAction({
      env: actionEnv,
      cwd: setup.repo,
      clock: () => new Date('2026-11-20T16:15:00.000Z'),
      stdout: { write: () => true },
      stderr: { write: () => true },
    }).catch((error: { exitCode?: number }) => error.exitCode ?? 99);
  }
  return new Promise((done) => {
    execFile(process.execPath, [BUNDLE], { cwd: setup.repo, env: actionEnv }, (error) =>
      done(error === null ? 0 : typeof error.code === 'number' ? error.code : 99),
    );
  });
}

// Every file under artifacts/, by relative path, with its bytes.
async function artifacts(repo: string): Promise<Record<string, string>> {
  const root = join(repo, 'artifacts');
  const files: Record<string, string> = {};
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(root, path)] = await readFile(path, 'utf8');
  }
  return files;
}

async function observe(frontEnd: FrontEnd, c: Case) {
  const setup = await setUp(c);
  const server = await stand_in(c);
  try {
    const codes: number[] = [];
    for (let delivery = 0; delivery < (c.deliveries ?? 1); delivery += 1)
      codes.push(await runFrontEnd(frontEnd, setup, server.url, c));
    const sent = server.requests
      .filter((request) => request.url.includes('/dispatches'))
      .map((request) => `${request.method} ${request.url} ${request.body}`);
    return { codes, files: await artifacts(setup.repo), sent };
  } finally {
    await server.close();
  }
}

describe('the dispatch front ends (CLI, library, committed bundle)', () => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    'agree on %s',
    async (_name, c) => {
      const seen = [];
      for (const frontEnd of FRONT_ENDS) seen.push(await observe(frontEnd, c));
      const [cli, library, bundle] = seen;
      expect(library).toEqual(cli);
      expect(bundle).toEqual(cli);
      expect(cli?.codes.at(-1)).toBe(c.code);
      expect(cli?.sent).toHaveLength(c.dispatches);
      const log = cli?.files['orchestrator/dispatch-log.ndjson'] ?? '';
      const outcomes = log
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { outcome: string }).outcome);
      expect(outcomes).toEqual(c.outcomes);
      for (const text of [...Object.values(cli?.files ?? {}), ...(cli?.sent ?? [])])
        expect(text).not.toContain(TOKEN);
    },
    30_000,
  );
});

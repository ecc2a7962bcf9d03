import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleEvent, repoRoot, runRc } from './_harness';

const TOKEN = 'ghp_FAKEtoken0123456789abcdefghijklmnopqrs';
const BOT_TOKEN = 'ghs_FAKEbotToken0123456789abcdefghijklmn';
let repo: string;
let env: Record<string, string>;

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'rc-json-actions-'));
  await cp(join(repoRoot, 'examples/repo'), repo, { recursive: true });
  const config = await readFile(join(repo, 'orchestration.yaml'), 'utf8');
  await writeFile(
    join(repo, 'orchestration.yaml'),
    `${config}promotion:\n  stages: [canary]\n  signals_file: ci/signals.json\n  thresholds:\n    - { metric: pass_rate, min: 0.95 }\n  applier: { command: [node, -e, '0'] }\n`,
  );
  await mkdir(join(repo, 'ci'));
  await writeFile(
    join(repo, 'ci/signals.json'),
    JSON.stringify({ candidate: { version: '1.0.0' }, metrics: { pass_rate: 1 } }),
  );
  await writeFile(
    join(repo, '.github/rc-roles.json'),
    JSON.stringify({ users: { codertocat: 'maintain' } }),
  );
  env = {
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: join(repo, 'github-output'),
    GITHUB_STEP_SUMMARY: join(repo, 'step-summary.md'),
    GITHUB_TOKEN: TOKEN,
    ORCHESTRATOR_BOT_TOKEN: BOT_TOKEN,
    PATH: process.env['PATH'] ?? '',
  };
  await writeFile(env['GITHUB_OUTPUT'] ?? '', '');
  await writeFile(env['GITHUB_STEP_SUMMARY'] ?? '', '');
});
afterAll(() => rm(repo, { recursive: true, force: true }));

const plan = join(repoRoot, 'examples/playbook/master-plan.md');

// Every command that prints data, run as a workflow step would run it.
describe.each([
  ['time now --json', ['time', 'now', '--json']],
  ['time cron --json', ['time', 'cron', '0 9 * * 1-5', '--json']],
  ['orchestrator parse', ['orchestrator', 'parse', '--event-path', exampleEvent]],
  [
    'orchestrator plan --json',
    ['orchestrator', 'plan', '--event-path', exampleEvent, '--run-id', '2026-11-20T09-15-00-0700'],
  ],
  [
    'orchestrator dispatch --dry-run --json',
    ['orchestrator', 'dispatch', '--event-path', exampleEvent, '--dry-run'],
  ],
  ['gate check --json', ['gate', 'check', '--event-path', exampleEvent]],
  ['loop status --json', ['loop', 'status']],
  ['playbook plan --format json', ['playbook', 'plan', plan, '--format', 'json']],
  [
    'promote --mode dry_run --json',
    ['promote', '--mode', 'dry_run', '--stage', 'canary', '--candidate', '1.0.0'],
  ],
])('rc %s inside GitHub Actions', (_name, args) => {
  it('prints exactly one JSON document on stdout: no workflow command, no token', async () => {
    const json = args.includes('--format') || args[1] === 'parse' ? [] : ['--json'];
    const result = await runRc([...args, ...json], { cwd: repo, env });
    expect(result.stderr).not.toMatch(/^rc: /m);
    expect(result.code).toBe(0);
    expect(() => JSON.parse(result.stdout) as unknown).not.toThrow();
    expect(result.stdout).not.toMatch(/^\s*::|##\[/m);
    for (const text of [
      result.stdout,
      result.stderr,
      await readFile(env['GITHUB_OUTPUT'] ?? '', 'utf8'),
      await readFile(env['GITHUB_STEP_SUMMARY'] ?? '', 'utf8'),
    ]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(BOT_TOKEN);
    }
  });
});

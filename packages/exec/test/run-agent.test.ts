import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAgentBackend } from '../src/resolve-agent-backend';
import { runAgent } from '../src/run-agent';
import { preflightAgent } from '../src/preflight-agent';
import type { AgentSpec } from '../src/resolve-agent-backend';
import { removeDir, script, tempDir } from './_fixtures';

let dir: string;
let bin: string;
let prompt: string;
let n = 0;

const env = (extra: Record<string, string> = {}) => ({
  PATH: `${bin}:${process.env.PATH ?? ''}`,
  HOME: dir,
  ...extra,
});
const json = (value: unknown) => `printf '%s\\n' '${JSON.stringify(value)}'`;

/** Installs a fake agent CLI under `bin` that records its argv, stdin and permissions. */
async function fake(name: string, body: string): Promise<void> {
  await script(
    join(bin, name),
    `echo "$@" > "${dir}/${name}.argv"\ncat > "${dir}/${name}.stdin"\necho "$RC_AGENT_PERMISSIONS" > "${dir}/${name}.perm"\n${body}`,
  );
}

const run = (spec: AgentSpec, extra: Partial<Parameters<typeof runAgent>[0]> = {}) =>
  runAgent({
    backend: resolveAgentBackend(spec),
    promptFile: prompt,
    cwd: dir,
    env: env(),
    logFile: join(dir, 'logs', `${++n}.log`),
    completionMarker: 'RC_DONE',
    ...extra,
  });

beforeAll(async () => {
  dir = await tempDir('agent');
  bin = join(dir, 'bin');
  await import('node:fs/promises').then((fs) => fs.mkdir(bin));
  prompt = join(dir, 'prompt.md');
  await writeFile(prompt, 'Do the work.\nWhen it is all done, print:\nRC_DONE\n');
});
afterAll(async () => {
  await removeDir(dir);
});

describe('runAgent', () => {
  it('does not take the marker from an echoed prompt on stderr', async () => {
    await fake('echoer', `cat "${prompt}" >&2\necho 'still working'`);
    const result = await run({ preset: 'custom', command: 'echoer' });
    expect(result.outcome).toBe('success');
    expect(result.done).toBe(false);
    expect(await readFile(join(dir, 'logs', `${n}.log`), 'utf8')).toContain('RC_DONE');
  });

  it('takes the marker from the last non-empty stdout line of a text agent', async () => {
    await fake('finisher', `echo 'RC_DONE in the middle'\necho RC_DONE\necho`);
    const result = await run({ preset: 'custom', command: 'finisher' });
    expect(result).toMatchObject({ outcome: 'success', done: true, finalMessage: 'RC_DONE' });
  });

  it('ignores a marker a text agent printed before its last line', async () => {
    await fake('early', `echo RC_DONE\necho 'but then more'`);
    expect((await run({ preset: 'custom', command: 'early' })).done).toBe(false);
  });

  it('runs claude with its edit flags and reads answer, usage and cost', async () => {
    await fake(
      'claude',
      [
        json({ type: 'system', subtype: 'init' }),
        json({ type: 'assistant', message: { content: [{ type: 'text', text: 'RC_DONE soon' }] } }),
        json({
          type: 'result',
          subtype: 'success',
          is_error: false,
          result: 'Wrote it.\nRC_DONE',
          total_cost_usd: 0.5,
          usage: { input_tokens: 7, output_tokens: 3 },
        }),
      ].join('\n'),
    );
    const result = await run({ preset: 'claude' });
    expect(result).toMatchObject({
      outcome: 'success',
      done: true,
      finalMessage: 'Wrote it.\nRC_DONE',
      usage: { input_tokens: 7, output_tokens: 3, cost_usd: 0.5 },
      failure: null,
    });
    expect(await readFile(join(dir, 'claude.argv'), 'utf8')).toBe(
      '-p --output-format stream-json --verbose --permission-mode acceptEdits\n',
    );
    expect(await readFile(join(dir, 'claude.stdin'), 'utf8')).toContain('Do the work.');
    expect(await readFile(join(dir, 'claude.perm'), 'utf8')).toBe('edit\n');
  });

  it('says in one line that claude is not logged in', async () => {
    await fake(
      'claude',
      `${json({ type: 'result', subtype: 'success', is_error: true, result: 'Not logged in · Please run /login' })}\nexit 1`,
    );
    const result = await run({ preset: 'claude', permissions: 'read-only' });
    expect(result.outcome).toBe('failure');
    expect(result.failure?.kind).toBe('auth');
    expect(result.message).toBe(
      'claude is not logged in: run `claude /login` or set ANTHROPIC_API_KEY (Not logged in · Please run /login)',
    );
    expect(await readFile(join(dir, 'claude.perm'), 'utf8')).toBe('read-only\n');
  });

  it('stops claude at once when it starts retrying a rejected key (it would for minutes)', async () => {
    await fake(
      'claude',
      `${json({ type: 'system', subtype: 'init' })}\n${json({ type: 'system', subtype: 'api_retry', attempt: 1, max_retries: 10, error_status: 401, error: 'authentication_failed' })}\nsleep 600`,
    );
    const result = await run({ preset: 'claude' }, { timeoutMs: 120_000 });
    expect(result.outcome).toBe('failure');
    expect(result.failure?.kind).toBe('auth');
    expect(result.message).toBe(
      'claude is not logged in: run `claude /login` or set ANTHROPIC_API_KEY (API retry 1/10: status 401 (authentication_failed))',
    );
    expect(result.durationMs).toBeLessThan(60_000);
  });

  it('fails a run whose CLI reported an error but exited 0', async () => {
    await fake('claude', json({ type: 'result', subtype: 'error_max_turns', is_error: true }));
    const result = await run({ preset: 'claude' });
    expect(result).toMatchObject({
      outcome: 'failure',
      done: false,
      message: 'claude reported an error: error_max_turns',
    });
  });

  it('ends a codex turn stalled on the network, though codex keeps printing', async () => {
    await fake(
      'codex',
      `${json({ type: 'turn.started' })}\nwhile true; do ${json({ type: 'error', message: 'Reconnecting... waiting for network (Connection failed: error sending request)' })}; echo 'retrying' >&2; sleep 0.05; done`,
    );
    const result = await run({ preset: 'codex' }, { idleTimeoutMs: 400 });
    expect(result.outcome).toBe('failure');
    expect(result.failure?.kind).toBe('network');
    expect(result.message).toMatch(/^codex cannot reach its model API/);
    expect(await readFile(join(dir, 'codex.argv'), 'utf8')).toContain('-s workspace-write -');
  });

  it('keeps a text agent alive while it prints, even without a newline', async () => {
    await fake(
      'dots',
      `i=0; while [ $i -lt 12 ]; do printf .; sleep 0.1; i=$((i+1)); done; echo; echo RC_DONE`,
    );
    const result = await run({ preset: 'custom', command: 'dots' }, { idleTimeoutMs: 600 });
    expect(result).toMatchObject({ outcome: 'success', done: true });
  });

  it('says gemini does not trust the directory (exit 55)', async () => {
    await fake(
      'gemini',
      `echo 'Gemini CLI is not running in a trusted directory. To proceed, ...' >&2\nexit 55`,
    );
    const result = await run({ preset: 'gemini', permissions: 'full' });
    expect(result.failure?.kind).toBe('trust');
    expect(result.message).toMatch(/^gemini does not trust this directory/);
    expect(await readFile(join(dir, 'gemini.argv'), 'utf8')).toBe(
      '--output-format stream-json --skip-trust --approval-mode yolo\n',
    );
  });

  it('leaves an ordinary failure as it was', async () => {
    await fake('gemini', `echo 'something broke' >&2\nexit 3`);
    const result = await run({ preset: 'gemini' });
    expect(result).toMatchObject({ outcome: 'failure', failure: null, message: 'gemini exited 3' });
  });
});

describe('preflightAgent', () => {
  it('finds an executable agent on PATH', async () => {
    await fake('mine', 'true');
    const result = await preflightAgent(
      resolveAgentBackend({ preset: 'custom', command: 'mine' }),
      {
        cwd: dir,
        env: env(),
      },
    );
    expect(result).toEqual({ ok: true, path: join(bin, 'mine') });
  });

  it('names a missing agent CLI', async () => {
    const result = await preflightAgent(
      resolveAgentBackend({ preset: 'codex', command: 'no-such-codex' }),
      {
        cwd: dir,
        env: env(),
      },
    );
    expect(result).toEqual({
      ok: false,
      message:
        'no-such-codex: command not found or not executable (check PATH or install the codex CLI)',
    });
  });

  it('asks claude whether it is logged in', async () => {
    await script(
      join(bin, 'claude'),
      `echo "$@" >> "${dir}/claude.auth"\n[ -n "$ANTHROPIC_API_KEY" ]`,
    );
    const backend = resolveAgentBackend({ preset: 'claude' });
    expect(await preflightAgent(backend, { cwd: dir, env: env() })).toEqual({
      ok: false,
      message: 'claude is not logged in: run `claude /login` or set ANTHROPIC_API_KEY',
    });
    expect(
      (await preflightAgent(backend, { cwd: dir, env: env({ ANTHROPIC_API_KEY: 'k' }) })).ok,
    ).toBe(true);
    expect(await readFile(join(dir, 'claude.auth'), 'utf8')).toBe('auth status\nauth status\n');
  });

  it('accepts gemini with a key, or a saved auth type, and refuses it without', async () => {
    await fake('gemini', 'true');
    const backend = resolveAgentBackend({ preset: 'gemini' });
    expect((await preflightAgent(backend, { cwd: dir, env: env() })).ok).toBe(false);
    expect(
      (await preflightAgent(backend, { cwd: dir, env: env({ GEMINI_API_KEY: 'k' }) })).ok,
    ).toBe(true);
    await import('node:fs/promises').then((fs) =>
      fs.mkdir(join(dir, '.gemini'), { recursive: true }),
    );
    await writeFile(
      join(dir, '.gemini', 'settings.json'),
      '{"security":{"auth":{"selectedType":"gemini-api-key"}}}',
    );
    expect((await preflightAgent(backend, { cwd: dir, env: env() })).ok).toBe(true);
  });

  it('accepts codex with a key or its own provider, else asks `codex login status`', async () => {
    await script(
      join(bin, 'codex'),
      `[ "$1 $2" = "login status" ] && [ -f "${dir}/codex-logged-in" ]`,
    );
    const backend = resolveAgentBackend({ preset: 'codex' });
    expect(await preflightAgent(backend, { cwd: dir, env: env() })).toMatchObject({
      ok: false,
      message: 'codex is not logged in: run `codex login` or set OPENAI_API_KEY',
    });
    expect(
      (await preflightAgent(backend, { cwd: dir, env: env({ OPENAI_API_KEY: 'k' }) })).ok,
    ).toBe(true);
    await writeFile(join(dir, 'codex-logged-in'), '');
    expect((await preflightAgent(backend, { cwd: dir, env: env() })).ok).toBe(true);
    await import('node:fs/promises').then((fs) => fs.mkdir(join(dir, 'ch')));
    await writeFile(join(dir, 'ch', 'config.toml'), 'model_provider = "local"\n');
    await writeFile(join(dir, 'codex-logged-in'), '');
    expect(
      (
        await preflightAgent(backend, {
          cwd: dir,
          env: env({ CODEX_HOME: join(dir, 'ch'), PATH: '/nonexistent' }),
        })
      ).ok,
    ).toBe(false);
  });
});

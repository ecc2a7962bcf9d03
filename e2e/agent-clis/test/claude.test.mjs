// rc's claude preset driving the real Claude Code CLI against a stand-in of the Messages API.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startAnthropic } from '../stand-ins/anthropic.mjs';
import {
  agentEnv,
  closedPort,
  LOOP_PROMPTS,
  loopYaml,
  PLAYBOOK_PLAN,
  rc,
  readJson,
  repository,
} from './_harness.mjs';

const cleanups = [];
after(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setup(mode, limits) {
  const api = await startAnthropic({ mode });
  const repo = await repository({
    ...LOOP_PROMPTS,
    'orchestration.yaml': loopYaml('claude', limits),
  });
  cleanups.push(api.close, repo.cleanup);
  const env = agentEnv(repo.home, {
    ANTHROPIC_BASE_URL: api.url,
    ANTHROPIC_API_KEY: 'sk-ant-stand-in-0123456789',
  });
  return { api, repo, env };
}

describe('claude', () => {
  it('runs a two-iteration loop that writes the notes, records usage and ends done', async () => {
    const { api, repo, env } = await setup('script');
    const result = await rc(['loop', 'run'], { cwd: repo.root, env });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(await readFile(join(repo.root, 'notes/1.txt'), 'utf8'), 'note 1\n');
    assert.equal(await readFile(join(repo.root, 'notes/2.txt'), 'utf8'), 'note 2\n');
    const state = await readJson(join(repo.root, 'sync/state.json'));
    assert.equal(state.status, 'done');
    assert.equal(state.counters.turns, 4);
    assert.ok(state.usage.input_tokens > 0 && state.usage.output_tokens > 0);
    assert.ok(state.usage.cost_usd > 0, 'claude reports a cost');
    assert.ok(state.history.every((turn) => turn.usage !== null));
    assert.match(
      result.stderr,
      /iteration 2 ralph main .* success, done, \d+ in \+ \d+ out tokens, \$/,
    );
    assert.deepEqual(api.script.log, [
      'say Next: the worker writes the next note.',
      'write notes/1.txt',
      'say Next: the worker writes the next note.',
      'write notes/2.txt',
    ]);
    // The API key never reaches a transcript.
    for (const turn of state.history) {
      assert.doesNotMatch(await readFile(join(repo.root, turn.log), 'utf8'), /sk-ant-stand-in/);
    }
  });

  it('runs a two-task playbook whose tasks write their files and pass their checks', async () => {
    const { repo, env } = await setup('script');
    await import('node:fs/promises').then((fs) =>
      fs.writeFile(join(repo.root, 'plan.md'), PLAYBOOK_PLAN),
    );
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'plan');
    const result = await rc(['playbook', 'run', 'plan.md', '--agent', 'claude'], {
      cwd: repo.root,
      env,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(await readFile(join(repo.root, 'a/one.txt'), 'utf8'), 'one\n');
    assert.equal(await readFile(join(repo.root, 'b/two.txt'), 'utf8'), 'two\n');
  });

  it('fails at once with one clear line when the key is rejected', async () => {
    const { repo, env } = await setup('unauthorized');
    const result = await rc(['loop', 'run'], { cwd: repo.root, env });
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /claude is not logged in: run `claude \/login` or set ANTHROPIC_API_KEY/,
    );
    assert.ok(!existsSync(join(repo.root, 'notes')));
  });

  it('stops before the first turn when claude is not logged in at all', async () => {
    const { repo, env } = await setup('script');
    delete env.ANTHROPIC_API_KEY;
    const result = await rc(['loop', 'run'], { cwd: repo.root, env });
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /the loop cannot start: loop\.actors\.galph\.agent: claude is not logged in/,
    );
    assert.ok(!existsSync(join(repo.root, 'sync/state.json')));
  });

  it('ends the turn of a model that never answers', async () => {
    const { repo, env } = await setup('silent', { idle_timeout_s: 8 });
    const result = await rc(['loop', 'run'], { cwd: repo.root, env });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /claude printed nothing for 8000 ms and was stopped/);
  });

  it('ends the turn when the model API cannot be reached', async () => {
    const { repo, env } = await setup('script', { idle_timeout_s: 8 });
    env.ANTHROPIC_BASE_URL = `http://127.0.0.1:${await closedPort()}`;
    const result = await rc(['loop', 'run'], { cwd: repo.root, env });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /claude cannot reach its model API/);
  });
});

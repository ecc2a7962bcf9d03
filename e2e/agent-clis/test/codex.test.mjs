// rc's codex preset driving the real codex CLI against a stand-in of the Responses API.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startOpenAI } from '../stand-ins/openai.mjs';
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

// codex reads its provider from $CODEX_HOME/config.toml: the documented way to use another endpoint.
async function providerConfig(home, url) {
  const codexHome = join(home, '.codex');
  await mkdir(codexHome, { recursive: true });
  await writeFile(
    join(codexHome, 'config.toml'),
    `model = "gpt-5-codex"
model_provider = "standin"

[model_providers.standin]
name = "stand-in"
base_url = "${url}/v1"
env_key = "STANDIN_API_KEY"
wire_api = "responses"
`,
  );
}

async function setup(mode, limits) {
  const api = await startOpenAI({ mode });
  const repo = await repository({
    ...LOOP_PROMPTS,
    'orchestration.yaml': loopYaml('codex', limits),
  });
  cleanups.push(api.close, repo.cleanup);
  await providerConfig(repo.home, api.url);
  const env = agentEnv(repo.home, { STANDIN_API_KEY: 'sk-stand-in-0123456789' });
  return { api, repo, env };
}

describe('codex', () => {
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
    assert.equal(state.usage.cost_usd, null, 'codex reports no cost');
    assert.deepEqual(api.script.log, [
      'say Next: the worker writes the next note.',
      'write notes/1.txt',
      'say Next: the worker writes the next note.',
      'write notes/2.txt',
    ]);
    for (const turn of state.history) {
      assert.doesNotMatch(await readFile(join(repo.root, turn.log), 'utf8'), /sk-stand-in/);
    }
  });

  it('runs a two-task playbook whose tasks write their files and pass their checks', async () => {
    const { repo, env } = await setup('script');
    await writeFile(join(repo.root, 'plan.md'), PLAYBOOK_PLAN);
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'plan');
    const result = await rc(['playbook', 'run', 'plan.md', '--agent', 'codex'], {
      cwd: repo.root,
      env,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(await readFile(join(repo.root, 'a/one.txt'), 'utf8'), 'one\n');
    assert.equal(await readFile(join(repo.root, 'b/two.txt'), 'utf8'), 'two\n');
  });

  it('fails with one clear line when the key is rejected', async () => {
    const { repo, env } = await setup('unauthorized', { idle_timeout_s: 20 });
    const result = await rc(['loop', 'run'], { cwd: repo.root, env });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /codex is not logged in: run `codex login` or set OPENAI_API_KEY/);
    assert.ok(!existsSync(join(repo.root, 'notes')));
  });

  it('ends the turn of a model that never answers', async () => {
    const { repo, env } = await setup('silent', { idle_timeout_s: 8 });
    const result = await rc(['loop', 'run'], { cwd: repo.root, env });
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /codex printed nothing for 8000 ms and was stopped|codex cannot reach its model API/,
    );
  });

  it('ends the turn when the model API cannot be reached, though codex keeps reconnecting', async () => {
    const { repo, env } = await setup('script', { idle_timeout_s: 8 });
    await providerConfig(repo.home, `http://127.0.0.1:${await closedPort()}`);
    const result = await rc(['loop', 'run'], { cwd: repo.root, env });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /codex cannot reach its model API/);
  });
});

// rc's gemini preset driving the real gemini CLI against a stand-in of the Gemini API.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startGemini } from '../stand-ins/gemini.mjs';
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

// The API-key login, saved the way `gemini` saves it after the first interactive run.
async function settings(home, extra = {}) {
  await mkdir(join(home, '.gemini'), { recursive: true });
  await writeFile(
    join(home, '.gemini', 'settings.json'),
    JSON.stringify({ security: { auth: { selectedType: 'gemini-api-key' }, ...extra } }),
  );
}

async function setup(mode, limits) {
  const api = await startGemini({ mode });
  const repo = await repository({
    ...LOOP_PROMPTS,
    'orchestration.yaml': loopYaml('gemini', limits),
  });
  cleanups.push(api.close, repo.cleanup);
  await settings(repo.home);
  const env = agentEnv(repo.home, {
    GEMINI_API_KEY: 'AIza-stand-in-0123456789',
    GOOGLE_GEMINI_BASE_URL: api.url,
  });
  return { api, repo, env };
}

describe('gemini', () => {
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
    assert.equal(state.usage.cost_usd, null, 'gemini reports no cost');
    assert.deepEqual(api.script.log, [
      'say Next: the worker writes the next note.',
      'write notes/1.txt',
      'say Next: the worker writes the next note.',
      'write notes/2.txt',
    ]);
    for (const turn of state.history) {
      assert.doesNotMatch(await readFile(join(repo.root, turn.log), 'utf8'), /AIza-stand-in/);
    }
  });

  it('runs a two-task playbook whose tasks write their files and pass their checks', async () => {
    const { repo, env } = await setup('script');
    await writeFile(join(repo.root, 'plan.md'), PLAYBOOK_PLAN);
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'plan');
    const result = await rc(['playbook', 'run', 'plan.md', '--agent', 'gemini'], {
      cwd: repo.root,
      env,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(await readFile(join(repo.root, 'a/one.txt'), 'utf8'), 'one\n');
    assert.equal(await readFile(join(repo.root, 'b/two.txt'), 'utf8'), 'two\n');
  });

  it('says gemini does not trust the directory when restricted mode forbids it (exit 55)', async () => {
    const { repo, env } = await setup('script');
    await settings(repo.home, { folderTrust: { enabled: true } });
    env.GEMINI_RESTRICTED_MODE = 'true';
    const result = await rc(['loop', 'run'], { cwd: repo.root, env });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /gemini does not trust this directory/);
  });

  it('fails with one clear line when gemini has no login at all', async () => {
    const { repo, env } = await setup('script');
    await writeFile(join(repo.home, '.gemini', 'settings.json'), '{}');
    delete env.GEMINI_API_KEY;
    const result = await rc(['loop', 'run'], { cwd: repo.root, env });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /gemini is not authenticated: set GEMINI_API_KEY/);
    assert.ok(!existsSync(join(repo.root, 'sync/state.json')), 'the preflight stops it first');
  });

  it('fails with one clear line when the key is rejected', async () => {
    const { repo, env } = await setup('unauthorized', { idle_timeout_s: 30 });
    const result = await rc(['loop', 'run'], { cwd: repo.root, env });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /gemini is not authenticated/);
  });

  it('ends the turn of a model that never answers', async () => {
    const { repo, env } = await setup('silent', { idle_timeout_s: 8 });
    const result = await rc(['loop', 'run'], { cwd: repo.root, env });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /gemini printed nothing for 8000 ms and was stopped/);
  });

  it('ends the turn when the model API cannot be reached', async () => {
    const { repo, env } = await setup('script', { idle_timeout_s: 8 });
    env.GOOGLE_GEMINI_BASE_URL = `http://127.0.0.1:${await closedPort()}`;
    const result = await rc(['loop', 'run'], { cwd: repo.root, env });
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /gemini cannot reach its model API|gemini printed nothing for 8000 ms/,
    );
  });
});

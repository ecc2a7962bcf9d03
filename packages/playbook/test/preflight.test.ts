import { chmodSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExecPorts } from '../src/create-exec-ports';
import { decidePreflight, gatherPreflightFacts } from '../src/_preflight';
import { git, makeRepo, tempDir } from './_git-fixture';
import { task } from './_tasks';

const clean = {
  agent: { file: 'codex', preset: 'codex' as const, found: 'ok' as const },
  repo: '/work/app',
  isRepo: true,
  hasCommit: true,
  dirty: [],
  missingChecks: [],
  source: 'plan.md',
};

describe('decidePreflight', () => {
  it('passes a ready repository', () => {
    expect(decidePreflight(clean)).toEqual([]);
  });

  it.each([
    [
      { agent: { file: 'claude', preset: 'claude' as const, found: 'missing' as const } },
      'agent: "claude" was not found on PATH: install it (npm install -g @anthropic-ai/claude-code), or pass --agent',
    ],
    [
      { agent: { file: './my-agent', preset: 'custom' as const, found: 'missing' as const } },
      'agent: "./my-agent" was not found on PATH: install it or fix playbook.agent.command, or pass --agent',
    ],
    [
      {
        agent: { file: './my-agent', preset: 'custom' as const, found: 'not-executable' as const },
      },
      'agent: "./my-agent" is not executable: chmod +x ./my-agent',
    ],
    [{ hasCommit: false }, 'repository: no commit yet'],
    [
      { isRepo: false, hasCommit: false, dirty: [' M a'] },
      'repository: /work/app is not a git repository: run rc inside your repository, or create one here (git init -b main) and make a first commit',
    ],
    [
      { dirty: [' M a', ' M b', ' M c', ' M d'] },
      'repository: uncommitted changes ( M a,  M b,  M c, ...): commit or stash them',
    ],
    [
      { missingChecks: [{ task: 'A', line: 7, command: 'pnpm test', executable: 'pnpm' }] },
      'plan.md:7: task A: check "pnpm test" runs "pnpm", which was not found: install it or fix the Checks column',
    ],
  ])('names the fix for %j', (change, message) => {
    expect(decidePreflight({ ...clean, ...change }).join('\n')).toContain(message);
  });

  it('says only that a directory is not a repository, not that it lacks a commit', () => {
    expect(decidePreflight({ ...clean, isRepo: false, hasCommit: false })).toEqual([
      expect.stringContaining('is not a git repository'),
    ]);
  });
});

describe('gatherPreflightFacts', () => {
  it('finds the agent on PATH, a missing check command, and skips shell words and paths', async () => {
    const repo = makeRepo();
    const bin = tempDir('rc-preflight-');
    writeFileSync(join(bin, 'agent'), '#!/bin/sh\n');
    chmodSync(join(bin, 'agent'), 0o755);
    writeFileSync(join(bin, 'plain'), 'not executable\n');
    const facts = await gatherPreflightFacts({
      ports: createExecPorts(),
      repo,
      tasks: [
        task('A', ['a/'], [], {
          line: 3,
          checks: [
            'CI=1 no-such-tool-rc --x',
            'test -f a',
            './scripts/check.sh',
            'agent',
            '"quoted" x',
          ],
        }),
      ],
      agent: { file: 'agent', preset: 'custom' },
      env: { PATH: bin },
      source: 'plan.md',
    });
    expect(facts.agent.found).toBe('ok');
    expect(facts.hasCommit).toBe(true);
    expect(facts.missingChecks).toEqual([
      { task: 'A', line: 3, command: 'CI=1 no-such-tool-rc --x', executable: 'no-such-tool-rc' },
    ]);
    const plain = await gatherPreflightFacts({
      ports: createExecPorts(),
      repo,
      tasks: [],
      agent: { file: join(bin, 'plain'), preset: 'custom' },
      env: {},
      source: 'plan.md',
    });
    expect(plain.agent.found).toBe('not-executable');
  });

  it('sees a repository without a commit', async () => {
    const repo = tempDir('rc-empty-');
    git(repo, 'init', '-q', '-b', 'main');
    const facts = await gatherPreflightFacts({
      ports: createExecPorts(),
      repo,
      tasks: [],
      agent: { file: 'nope-agent-rc', preset: 'codex' },
      env: { PATH: '' },
      source: 'plan.md',
    });
    expect(facts).toMatchObject({ isRepo: true, hasCommit: false, agent: { found: 'missing' } });
  });

  it('sees a directory that is not a repository', async () => {
    const dir = tempDir('rc-norepo-');
    const facts = await gatherPreflightFacts({
      ports: createExecPorts({ env: { ...process.env, GIT_CEILING_DIRECTORIES: tmpdir() } }),
      repo: dir,
      tasks: [],
      agent: { file: 'nope-agent-rc', preset: 'codex' },
      env: { PATH: '' },
      source: 'plan.md',
    });
    expect(facts).toMatchObject({ repo: dir, isRepo: false, hasCommit: false });
  });
});

import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExecPorts } from '../src/create-exec-ports';
import { decidePreflight, gatherPreflightFacts } from '../src/_preflight';
import { git, makeRepo } from './_git-fixture';
import { task } from './_tasks';

const clean = {
  agent: { file: 'codex', preset: 'codex' as const, found: 'ok' as const },
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
});

describe('gatherPreflightFacts', () => {
  it('finds the agent on PATH, a missing check command, and skips shell words and paths', async () => {
    const repo = makeRepo();
    const bin = mkdtempSync(join(tmpdir(), 'rc-preflight-'));
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
    const repo = mkdtempSync(join(tmpdir(), 'rc-empty-'));
    git(repo, 'init', '-q', '-b', 'main');
    const facts = await gatherPreflightFacts({
      ports: createExecPorts(),
      repo,
      tasks: [],
      agent: { file: 'nope-agent-rc', preset: 'codex' },
      env: { PATH: '' },
      source: 'plan.md',
    });
    expect(facts).toMatchObject({ hasCommit: false, agent: { found: 'missing' } });
  });
});

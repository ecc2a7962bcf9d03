import { createHash } from 'node:crypto';
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
interface RealVulnerableEntry {
  package: string;
  source: string;
  path: string;
  repository: string;
  license: string;
  rule: string;
  line: number;
  why: string;
  fixed: string;
}
interface ReconstructionEntry {
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
  real: RealVulnerableEntry[];
  reconstructions: ReconstructionEntry[];
};

let actionlint: Actionlint;
beforeAll(async () => {
  actionlint = (await loadActionlint({ path: '' })).lint;
});

describe('real workflows from npm packages (good set)', () => {
  it('reads each file from the pinned package its manifest entry names', async () => {
    expect(good.files.length).toBeGreaterThanOrEqual(60);
    const contents = new Set<string>();
    for (const entry of good.files) {
      const text = await readFile(join(repoRoot, 'node_modules', entry.package, entry.path));
      contents.add(createHash('sha256').update(text).digest('hex'));
      const manifest = JSON.parse(
        await readFile(join(repoRoot, 'node_modules', entry.package, 'package.json'), 'utf8'),
      ) as { name: string; version: string };
      expect(`${manifest.name}@${manifest.version}`).toBe(entry.source);
      expect(entry.repository).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
      expect(entry.license).toMatch(/^[\w.-]+$/);
    }
    // No file counted twice (fastify's packages share some workflows word for word).
    expect(contents.size).toBe(good.files.length);
  });

  it('has no error-severity finding on any of them (besides known upstream bugs)', async () => {
    const errors: string[] = [];
    const unseenKnown: string[] = [];
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
      for (const k of known)
        if (!findings.some((f) => f.rule === k.rule && f.line === k.line && f.severity === 'error'))
          unseenKnown.push(`${entry.source}/${entry.path}:${k.line} ${k.rule}`);
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
    // A known upstream bug that is no longer reported is a stale entry (or a lost check).
    expect(unseenKnown).toEqual([]);
    // The rules still speak on real files (missing permissions, unpinned third-party actions).
    expect(warnings).toBeGreaterThan(0);
  });
});

/** The entry's finding at its line, when rc reports one above note severity. */
async function recalled(text: string, file: string, entry: { rule: string; line: number }) {
  const findings = await lintWorkflow(text, file, { actionlint });
  return findings.some(
    (finding) =>
      finding.rule === entry.rule && finding.line === entry.line && finding.severity !== 'note',
  );
}

describe('historic vulnerable workflows, real (pre-fix files from npm packages)', () => {
  it('reads each from the pinned package its entry names, with why it is exploitable', async () => {
    expect(vulnerable.real.length).toBeGreaterThanOrEqual(3);
    for (const entry of vulnerable.real) {
      const manifest = JSON.parse(
        await readFile(join(repoRoot, 'node_modules', entry.package, 'package.json'), 'utf8'),
      ) as { name: string; version: string };
      expect(`${manifest.name}@${manifest.version}`).toBe(entry.source);
      expect(entry.repository).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
      expect(entry.why.length).toBeGreaterThan(20);
      expect(entry.fixed.length).toBeGreaterThan(10);
    }
  });

  it('finds every vulnerability at its line: recall 100%', async () => {
    const missed: string[] = [];
    for (const entry of vulnerable.real) {
      const file = join(repoRoot, 'node_modules', entry.package, entry.path);
      const name = `${entry.source}/${entry.path}`;
      if (!(await recalled(await readFile(file, 'utf8'), name, entry)))
        missed.push(`${name}:${entry.line} ${entry.rule}`);
    }
    expect(missed).toEqual([]);
  });
});

describe('historic vulnerable workflows (reconstructions)', () => {
  it('has at least 10, each labelled a reconstruction with its incident', async () => {
    expect(vulnerable.reconstructions.length).toBeGreaterThanOrEqual(10);
    for (const entry of vulnerable.reconstructions) {
      const text = await readFile(join(corpus, 'vulnerable', entry.file), 'utf8');
      expect(text.startsWith('# RECONSTRUCTION, not an original file')).toBe(true);
      expect(entry.reconstruction).toBe(true);
      expect(entry.incident.length).toBeGreaterThan(10);
    }
  });

  it('finds every vulnerability at its line: recall 100%', async () => {
    const missed: string[] = [];
    for (const entry of vulnerable.reconstructions) {
      const text = await readFile(join(corpus, 'vulnerable', entry.file), 'utf8');
      if (!(await recalled(text, entry.file, entry)))
        missed.push(`${entry.file}:${entry.line} ${entry.rule}`);
    }
    expect(missed).toEqual([]);
  });
});

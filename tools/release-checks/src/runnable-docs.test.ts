import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, sh } from './_workspace';

// Every shell block marked ```sh runnable in the README, the docs and the package READMEs runs,
// from a temp copy of examples/ (cwd examples/repo), with `rc` on PATH as the built CLI.
interface Example {
  file: string;
  line: number;
  script: string;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

function runnableExamples(): Example[] {
  const files = [
    join(root, 'README.md'),
    ...markdownFiles(join(root, 'docs')),
    ...readdirSync(join(root, 'packages')).map((name) => join(root, 'packages', name, 'README.md')),
  ];
  return files.flatMap((file) => {
    const lines = readFileSync(file, 'utf8').split('\n');
    const examples: Example[] = [];
    lines.forEach((line, index) => {
      if (!/^```(sh|bash) runnable\s*$/.test(line)) return;
      const end = lines.findIndex((candidate, at) => at > index && candidate.startsWith('```'));
      examples.push({
        file: relative(root, file),
        line: index + 1,
        script: lines.slice(index + 1, end).join('\n'),
      });
    });
    return examples;
  });
}

const examples = runnableExamples();
let sandbox: string;

beforeAll(() => {
  sandbox = mkdtempSync(join(tmpdir(), 'rc-docs-'));
});
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

describe('runnable documentation examples', () => {
  it('exist', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  it.each(examples.map((example) => [`${example.file}:${example.line}`, example] as const))(
    '%s runs',
    (_where, example) => {
      const work = mkdtempSync(join(sandbox, 'run-'));
      cpSync(join(root, 'examples'), join(work, 'examples'), { recursive: true });
      sh('bash', ['-euo', 'pipefail', '-c', example.script], {
        cwd: join(work, 'examples/repo'),
        env: {
          // As the docs say: in a clone, `npm ci` links `rc` into node_modules/.bin.
          PATH: `${join(root, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
          HOME: work,
          NO_COLOR: '1',
        },
      });
    },
  );
});

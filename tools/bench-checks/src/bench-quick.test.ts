import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const run = fileURLToPath(new URL('../../../bench/run.mjs', import.meta.url));

// The seven figures of docs/performance.md, by the name each row starts with.
const FIGURES = [
  'action-dispatch',
  'cli-start',
  'loop-memory',
  'loop-overhead',
  'orchestrator-plan',
  'playbook-planning',
  'playbook-schedule',
  'workflows-lint',
];

describe('bench/run.mjs --quick', () => {
  it('runs every benchmark and prints each figure with a measured ratio', () => {
    const result = spawnSync(process.execPath, [run, '--quick'], { encoding: 'utf8' });
    const rows = result.stdout
      .split('\n')
      .filter((line) => /^\| [a-z]/.test(line) && !line.startsWith('| figure |'));
    const names = rows.map((row) =>
      row
        .slice(2)
        .split(' ')[0]
        ?.replace(/\.mjs$/, ''),
    );
    expect(names.sort()).toEqual(FIGURES);
    for (const row of rows) {
      // A figure that ran: a finite ratio and "ran"; a broken one shows "-" and FAILED with why.
      expect(row, result.stderr).toMatch(/^\| [a-z-]+ [^|]*\| \d+\.\d{2}x \| <= [\d.]+ \| ran \|/);
    }
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });
});

import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli-io';
import { fastPlanOptions } from '../src/fast-plan-options';
import { runPlan } from '../src/run-plan';
import { exampleEvent, repoRoot, runRc } from './_harness';

const RUN_ID = '2026-11-20T09-15-00-0700';

describe('fastPlanOptions', () => {
  it.each([
    [['orchestrator', 'plan'], {}],
    [
      ['orchestrator', 'plan', '--event-path', 'e.json', '--json', '--run-id', RUN_ID],
      { eventPath: 'e.json', json: true, runId: RUN_ID },
    ],
    [
      ['orchestrator', 'plan', '--config=c.yaml', '--now=', '--artifacts-dir', 'out'],
      { config: 'c.yaml', now: '', artifactsDir: 'out' },
    ],
    [
      ['orchestrator', 'plan', '--event-path', '-', '--event-name', 'x'],
      { eventPath: '-', eventName: 'x' },
    ],
    [['orchestrator', 'plan', '--config', 'a', '--config', 'b'], { config: 'b' }],
    [['orchestrator', 'plan', '--config=-V'], { config: '-V' }],
  ])('reads %j as commander does', (args, options) => {
    expect(fastPlanOptions(args)).toEqual(options);
  });

  it.each([
    [[]],
    [['orchestrator']],
    [['orchestrator', 'parse']],
    [['plan', 'orchestrator']],
    [['orchestrator', 'plan', '--help']],
    [['orchestrator', 'plan', '-h']],
    [['orchestrator', 'plan', '-V']],
    [['orchestrator', 'plan', '--version']],
    [['orchestrator', 'plan', '--json=true']],
    [['orchestrator', 'plan', '--config']],
    [['orchestrator', 'plan', '--config', '--help']],
    [['orchestrator', 'plan', '--config', '-x']],
    [['orchestrator', 'plan', '--unknown', 'x']],
    [['orchestrator', 'plan', 'operand']],
    [['orchestrator', 'plan', '--', '--json']],
    [['orchestrator', 'plan', '--=x']],
    [['orchestrator', 'plan', '--constructor', 'x']],
  ])('leaves %j to commander', (args) => {
    expect(fastPlanOptions(args)).toBeNull();
  });
});

/** `rc orchestrator plan` through the fast path, in-process, with the io runRc gives. */
async function runFast(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    readStdin: async () => null,
    env: {},
    cwd,
    clock: () => new Date('2026-11-20T16:15:00.000Z'),
    signal: new AbortController().signal,
  };
  const options = fastPlanOptions(args);
  if (options === null) return null;
  const code = await runPlan(options, io);
  return { code, stdout, stderr };
}

async function files(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[path.slice(dir.length)] = await readFile(path, 'utf8');
  }
  return out;
}

// Words an `rc orchestrator plan` command line is made of, good and bad.
const flags = ['--event-path', '--event-name', '--config', '--run-id', '--now', '--artifacts-dir'];
const values = [
  exampleEvent,
  'orchestration.yaml',
  'missing.yaml',
  RUN_ID,
  '2026-11-20T09-15-00-0800',
  '2026-11-20T16:15:00Z',
  'noon',
  'out',
  'issue_comment',
  'workflow_dispatch',
  '-',
  '',
];
const noise = [
  '--json',
  '--json',
  '-V',
  '--help',
  '-h',
  '--bogus',
  'operand',
  '--',
  '-j',
  '--json=1',
];
const word = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.tuple(fc.constantFrom(...flags), fc.constantFrom(...values, ...noise)),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...flags), fc.constantFrom(...values))
      .map(([flag, value]) => [`${flag}=${value}`]),
  },
  { weight: 2, arbitrary: fc.constantFrom(...noise).map((text) => [text]) },
);

describe('the plan fast path', () => {
  it('does exactly what commander does with every command line it takes', async () => {
    let taken = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 6 }), async (words) => {
        const args = ['orchestrator', 'plan', ...words.flat()];
        runs++;
        if (fastPlanOptions(args) === null) return;
        taken++;
        const [fast, slow] = [
          await mkdtemp(join(tmpdir(), 'rc-fast-')),
          await mkdtemp(join(tmpdir(), 'rc-fast-')),
        ];
        try {
          await cp(join(repoRoot, 'examples/repo'), fast, { recursive: true });
          await cp(join(repoRoot, 'examples/repo'), slow, { recursive: true });
          const viaFast = await runFast(args, fast);
          const viaCommander = await runRc(args, { cwd: slow });
          const norm = (text: string, dir: string) => text.replaceAll(dir, '<repo>');
          expect(viaFast && { ...viaFast, stderr: norm(viaFast.stderr, fast) }).toEqual({
            ...viaCommander,
            stderr: norm(viaCommander.stderr, slow),
          });
          expect(await files(fast)).toEqual(await files(slow));
        } finally {
          await rm(fast, { recursive: true, force: true });
          await rm(slow, { recursive: true, force: true });
        }
      }),
      { seed: 20261120, numRuns: 100 },
    );
    // The comparison means something only if the fast path took a fair share of the lines.
    expect(taken).toBeGreaterThan(runs / 4);
  }, 120_000);
});

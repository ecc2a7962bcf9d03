import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixture, type Fixture } from './_fixture';

// A journal is what a crashed run left behind, and the next run records from it what happened
// to a stage. It is read like any other input: checked against its schema, its stage and the
// stage's state before a word of it is trusted; one that fails is never reconciled.
let fx: Fixture;
beforeEach(async () => {
  fx = await makeFixture();
});
afterEach(() => fx.cleanup());

const RUN2 = '2026-11-20T09-20-00-0700';
const RUN3 = '2026-11-20T09-25-00-0700';
const journalPath = (stage: string) => `${fx.statePath}.${stage}.journal.json`;

interface Journal {
  entry: Record<string, unknown>;
  result: Record<string, unknown>;
  [field: string]: unknown;
}

/** Canary at 1.0.0, then the journal a run promoting 1.1.0 would leave if it crashed. */
async function crashedJournal(): Promise<Journal> {
  await fx.writeSignals('1.0.0');
  const first = await fx.promote({});
  expect(first.result.outcome).toBe('promoted');
  await fx.writeSignals('1.1.0');
  const preview = await fx.promote({ mode: 'dry_run', candidate: '1.1.0', runId: RUN2 });
  const recorded = JSON.parse((await fx.state()) ?? '').stages.canary.history[0];
  const before = { version: '1.0.0', digest: null };
  const target = { version: '1.1.0', digest: null };
  return {
    schema: 'rc.promotion-journal.v1',
    phase: 'started',
    attempt: 1,
    entry: {
      ...recorded,
      version: '1.1.0',
      previous: before,
      run_id: RUN2,
      idempotency_key: 'k2',
      trace_id: 'trace-2',
    },
    result: {
      ...preview.result,
      mode: 'apply',
      run_id: RUN2,
      idempotency_key: 'k2',
      trace_id: 'trace-2',
      target,
      versions: { before, after: before },
      applier: { argv: [], exit_code: null, signal: null, timed_out: false, note: null, log: 'x' },
    },
    applier: null,
  };
}

describe('reconciling a journal', () => {
  it('records a valid journal of a crashed run as unknown and holds the stage', async () => {
    await writeFile(journalPath('canary'), JSON.stringify(await crashedJournal()));
    const next = await fx.promote({ candidate: '1.1.0', runId: RUN3 });
    expect(next.recovered[0]).toMatchObject({ outcome: 'unknown', run_id: RUN2 });
    expect(existsSync(journalPath('canary'))).toBe(false);
  });

  it('reconciles a journal written before results had blocked_by', async () => {
    const journal = await crashedJournal();
    delete journal.result['blocked_by'];
    await writeFile(journalPath('canary'), JSON.stringify(journal));
    const next = await fx.promote({ candidate: '1.1.0', runId: RUN3 });
    expect(next.recovered[0]).toMatchObject({ outcome: 'unknown', run_id: RUN2 });
    const recorded = JSON.parse(
      await readFile(
        join(fx.dir, 'artifacts/promotion', RUN2, 'promotion-orchestrate-result.json'),
        'utf8',
      ),
    );
    expect(recorded.blocked_by).toEqual([]);
  });

  const cases: Array<[string, string, (journal: Journal) => unknown, string]> = [
    ['not JSON', 'canary', () => '{"phase":"started",', 'is not valid JSON'],
    ['only a phase', 'canary', () => ({ phase: 'started' }), 'journal.entry'],
    ['an array', 'canary', () => [], 'journal: '],
    [
      'another format version',
      'canary',
      (journal) => ({ ...journal, schema: 'rc.promotion-journal.v2' }),
      'journal.schema',
    ],
    [
      'no format version',
      'canary',
      (journal) => Object.fromEntries(Object.entries(journal).filter(([key]) => key !== 'schema')),
      'journal.schema',
    ],
    ['another stage', 'stable', (journal) => journal, 'belongs to stage canary, not stable'],
    [
      'another candidate in the entry than in the result',
      'canary',
      (journal) => ({ ...journal, entry: { ...journal['entry'], version: '9.9.9' } }),
      'journal.entry.version',
    ],
    [
      'another run in the entry than in the result',
      'canary',
      (journal) => ({ ...journal, entry: { ...journal['entry'], run_id: RUN3 } }),
      'journal.entry.run_id',
    ],
    [
      'a change from another version than the stage runs',
      'canary',
      (journal) => ({
        ...journal,
        entry: { ...journal['entry'], previous: { version: '0.9.0', digest: null } },
      }),
      'the stage runs 1.0.0',
    ],
    [
      'a place in the history that does not follow it',
      'canary',
      (journal) => ({ ...journal, attempt: 5 }),
      'journal.attempt',
    ],
    [
      'an applied phase without the applier outcome',
      'canary',
      (journal) => ({ ...journal, phase: 'applied' }),
      'journal.applier',
    ],
    [
      'a run id that is a path',
      'canary',
      (journal) => ({
        ...journal,
        entry: { ...journal['entry'], run_id: '../../../escaped' },
        result: { ...journal['result'], run_id: '../../../escaped' },
      }),
      'journal.result.run_id',
    ],
  ];

  it.each(cases)(
    'refuses a journal with %s (exit 2), changing nothing',
    async (_, stage, edit, issue) => {
      const journal = await crashedJournal();
      const edited = edit(journal);
      const text = typeof edited === 'string' ? edited : JSON.stringify(edited);
      await writeFile(journalPath(stage), text);
      const before = await fx.state();
      const artifacts = await readdir(join(fx.dir, 'artifacts/promotion'));
      await fx.writeSignals('1.1.0');
      const run = fx.promote({ stage, candidate: '1.1.0', runId: RUN3 });
      await expect(run).rejects.toMatchObject({ exitCode: 2 });
      const error = await run.catch((caught: Error & { issues?: string[] }) => caught);
      const message = [
        (error as Error).message,
        ...((error as { issues?: string[] }).issues ?? []),
      ];
      expect(message.join('\n')).toContain(issue);
      expect(message.join('\n')).toContain(journalPath(stage));
      expect(await fx.state()).toBe(before);
      expect(await readFile(journalPath(stage), 'utf8')).toBe(text);
      expect(await readdir(join(fx.dir, 'artifacts/promotion'))).toEqual(artifacts);
      expect(existsSync(join(fx.dir, '..', 'escaped'))).toBe(false);
      expect(await fx.calls()).toHaveLength(1);
    },
  );
});

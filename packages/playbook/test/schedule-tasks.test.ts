import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barrierWaves } from '../src/barrier-waves';
import { groupWaves } from '../src/group-waves';
import type { PlaybookTask } from '../src/playbook-task';
import { scheduleTasks } from '../src/schedule-tasks';
import { scopesOverlap } from '../src/scopes-overlap';
import { task } from './_tasks';

const SCOPES = ['a/', 'a/x/', 'a/y/**', 'b/', 'b/**/*.ts', 'c/z.md', 'd/', '**/*.md', 'e/'];

// Random DAGs: each task may depend only on earlier ones, so the graph is acyclic.
const dagArbitrary = fc
  .array(
    fc.record({
      scope: fc.uniqueArray(fc.constantFrom(...SCOPES), { minLength: 1, maxLength: 2 }),
      deps: fc.array(fc.nat(), { maxLength: 3 }),
      duration: fc.integer({ min: 1, max: 9 }),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((items) => {
    const tasks: PlaybookTask[] = items.map((item, index) =>
      task(
        `T${String(index).padStart(2, '0')}`,
        item.scope,
        index === 0
          ? []
          : [...new Set(item.deps.map((dep) => `T${String(dep % index).padStart(2, '0')}`))],
      ),
    );
    const durations = Object.fromEntries(
      items.map((item, index) => [tasks[index]?.id, item.duration]),
    );
    return { tasks, durations };
  });

describe('scheduleTasks (properties)', () => {
  const input = fc.tuple(dagArbitrary, fc.integer({ min: 1, max: 4 }));

  it('never runs overlapping scopes at once, respects dependencies and schedules everything', () => {
    fc.assert(
      fc.property(input, ([{ tasks, durations }, concurrency]) => {
        const schedule = scheduleTasks(tasks, { concurrency, durations });
        const byId = new Map(tasks.map((item) => [item.id, item]));
        const at = new Map(schedule.entries.map((entry) => [entry.id, entry]));
        expect(schedule.unscheduled).toEqual([]);
        expect(at.size).toBe(tasks.length);
        for (const entry of schedule.entries) {
          for (const dep of byId.get(entry.id)?.dependencies ?? [])
            expect(entry.start).toBeGreaterThanOrEqual(at.get(dep)?.end ?? Infinity);
          const together = schedule.entries.filter(
            (other) => other !== entry && other.start < entry.end && entry.start < other.end,
          );
          const atStart = together.filter((other) => other.start <= entry.start);
          expect(atStart.length).toBeLessThan(concurrency);
          for (const other of together) {
            expect(
              scopesOverlap(byId.get(entry.id)?.scope ?? [], byId.get(other.id)?.scope ?? []),
            ).toBe(false);
            expect(other.slot).not.toBe(entry.slot);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same output for the same input', () => {
    fc.assert(
      fc.property(input, ([{ tasks, durations }, concurrency]) => {
        const first = scheduleTasks(tasks, { concurrency, durations });
        expect(scheduleTasks([...tasks].reverse(), { concurrency, durations }).entries).toEqual(
          first.entries,
        );
        expect(scheduleTasks(tasks, { concurrency, durations })).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });

  it('leaves no slot idle while a task may start', () => {
    fc.assert(
      fc.property(input, ([{ tasks, durations }, concurrency]) => {
        const schedule = scheduleTasks(tasks, { concurrency, durations });
        const byId = new Map(tasks.map((item) => [item.id, item]));
        const at = new Map(schedule.entries.map((entry) => [entry.id, entry]));
        // At each start time, a task that started later could not have started then.
        for (const moment of new Set(schedule.entries.map((entry) => entry.start))) {
          const running = schedule.entries.filter(
            (entry) => entry.start <= moment && moment < entry.end,
          );
          if (running.length >= concurrency) continue;
          for (const later of schedule.entries.filter((entry) => entry.start > moment)) {
            const item = byId.get(later.id) as PlaybookTask;
            const depsDone = item.dependencies.every(
              (dep) => (at.get(dep)?.end ?? Infinity) <= moment,
            );
            const clash = running.some((entry) =>
              scopesOverlap(item.scope, byId.get(entry.id)?.scope ?? []),
            );
            expect(depsDone && !clash).toBe(false);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('scheduleTasks', () => {
  it('runs disjoint tasks together and overlapping ones apart, longest path first', () => {
    const tasks = [
      task('A', ['src/a/']),
      task('B', ['src/a/x.ts']),
      task('C', ['docs/']),
      task('D', ['lib/'], ['C']),
    ];
    const schedule = scheduleTasks(tasks, { concurrency: 2 });
    expect(schedule.entries).toEqual([
      { id: 'C', start: 0, end: 1, slot: 0 },
      { id: 'A', start: 0, end: 1, slot: 1 },
      { id: 'B', start: 1, end: 2, slot: 0 },
      { id: 'D', start: 1, end: 2, slot: 1 },
    ]);
    expect(schedule.makespan).toBe(2);
    expect(groupWaves(schedule).map((wave) => wave.entries.map((entry) => entry.id))).toEqual([
      ['C', 'A'],
      ['B', 'D'],
    ]);
  });

  it('reports tasks that can never run', () => {
    const schedule = scheduleTasks([task('A', ['a/'], ['missing']), task('B', ['b/'])], {
      concurrency: 1,
    });
    expect(schedule.unscheduled).toEqual(['A']);
    expect(schedule.entries.map((entry) => entry.id)).toEqual(['B']);
  });

  it.each([
    [{ concurrency: 0 }, 'concurrency: expected a whole number >= 1, got 0'],
    [{ concurrency: 1, durations: { A: -1 } }, 'durations.A: expected a number >= 0, got -1'],
  ])('rejects %j', (options, message) => {
    expect(() => scheduleTasks([task('A', ['a/'])], options)).toThrow(message);
  });

  it('starts free work at once where barrier waves wait', () => {
    const tasks = [task('L', ['l/']), task('S', ['s/']), task('N', ['n/'], ['S'])];
    const durations = { L: 5, S: 1, N: 1 };
    expect(scheduleTasks(tasks, { concurrency: 2, durations }).makespan).toBe(5);
    expect(barrierWaves(tasks, { concurrency: 2 })).toEqual([['L', 'S'], ['N']]);
  });

  it('packs barrier waves by scope and concurrency', () => {
    const tasks = [
      task('A', ['a/']),
      task('B', ['a/b']),
      task('C', ['c/']),
      task('D', ['d/'], ['missing']),
    ];
    expect(barrierWaves(tasks, { concurrency: 1 })).toEqual([['A'], ['B'], ['C']]);
    expect(barrierWaves(tasks, { concurrency: 3 })).toEqual([['A', 'C'], ['B']]);
  });
});

// Planning speed: parse a 10,000-task master plan and schedule it (median of several runs), and
// the same for 20,000 tasks. Pass: 10k under 1 s and time(20k) / time(10k) <= 2.5 (near-linear).
// Quick mode: 500 and 1,000 tasks, one round each.
import { performance } from 'node:perf_hooks';
import { parseMasterPlan, scheduleTasks } from '../packages/playbook/dist/index.js';
import { quick, report } from './_measure.mjs';

function masterPlan(size) {
  const rows = [
    '## Branch Backlog',
    '| Branch ID | Objective | Owner Skill | Dependencies | Done Criteria | Scope |',
    '|---|---|---|---|---|---|',
  ];
  for (let index = 0; index < size; index++) {
    const deps = index >= 10 && index % 3 === 0 ? `T${index - 7}, T${index - 10}` : '-';
    rows.push(
      `| T${index} | task ${index} | development-implementer | ${deps} | done | src/area${index % 97}/mod${index % 13}/, docs/t${index}.md |`,
    );
  }
  return rows.join('\n');
}

function median(size, rounds) {
  const text = masterPlan(size);
  const samples = [];
  for (let round = 0; round < rounds + 1; round++) {
    const start = performance.now();
    const plan = parseMasterPlan(text);
    if (!plan.ok) throw new Error(plan.issues[0]);
    const schedule = scheduleTasks(plan.value.tasks, { concurrency: 8 });
    if (schedule.entries.length !== size) throw new Error('not every task scheduled');
    if (round > 0) samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

const SIZE = quick ? 500 : 10_000;
const ROUNDS = quick ? 1 : 5;
const small = median(SIZE, ROUNDS);
const large = median(2 * SIZE, ROUNDS);
const ratio = large / small;
const fast = small < 1000;
const k = (size) => `${size / 1000}k`;
report({
  figure: `playbook-planning (time ${k(2 * SIZE)} / time ${k(SIZE)} tasks)`,
  ratio,
  target: 2.5,
  detail: `${k(SIZE)} tasks planned in ${small.toFixed(0)} ms (target < 1000 ms${fast ? '' : ', MISSED'}), ${k(2 * SIZE)} in ${large.toFixed(0)} ms, median of ${ROUNDS}`,
});
// Both conditions must hold: a slow 10k plan fails the benchmark whatever the ratio.
if (!fast && !quick) {
  console.error(
    `playbook-planning: 10k tasks took ${small.toFixed(0)} ms, over the 1000 ms target`,
  );
  process.exitCode = 1;
}

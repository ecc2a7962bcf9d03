// Planning speed: parse a 10,000-task master plan and schedule it (median of several runs), and
// the same for 20,000 tasks. Pass: 10k under 1 s and time(20k) / time(10k) <= 2.5 (near-linear).
import { performance } from 'node:perf_hooks';
import { parseMasterPlan, scheduleTasks } from '../packages/dispatch/dist/index.js';
import { report } from './_measure.mjs';

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

const small = median(10_000, 5);
const large = median(20_000, 5);
const ratio = large / small;
const fast = small < 1000;
report({
  figure: 'playbook-planning (time 20k / time 10k tasks)',
  ratio,
  target: 2.5,
  detail: `10k tasks planned in ${small.toFixed(0)} ms (target < 1000 ms${fast ? '' : ', MISSED'}), 20k in ${large.toFixed(0)} ms, median of 5`,
});
// Both conditions must hold: a slow 10k plan fails the benchmark whatever the ratio.
if (!fast) {
  console.error(
    `playbook-planning: 10k tasks took ${small.toFixed(0)} ms, over the 1000 ms target`,
  );
  process.exitCode = 1;
}

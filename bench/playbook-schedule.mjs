// Schedule quality of `scheduleTasks` on random DAGs with random durations and scopes:
// makespan / max(critical path, total work / slots), averaged over many inputs; the makespan of
// barrier waves (the hand-run playbook: each group waits for the whole previous one) beside it.
// Quick mode: 10 DAGs.
import { barrierWaves, scheduleTasks } from '../packages/playbook/dist/index.js';
import { quick, report } from './_measure.mjs';

// A small deterministic PRNG (mulberry32), so every run measures the same inputs.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomPlan(rand, size) {
  const tasks = [];
  const durations = {};
  for (let index = 0; index < size; index++) {
    const id = `T${String(index).padStart(4, '0')}`;
    const dependencies = [];
    for (let k = 0; k < 2; k++)
      if (index > 0 && rand() < 0.35)
        dependencies.push(`T${String(Math.floor(rand() * index)).padStart(4, '0')}`);
    const scope = [`pkg${Math.floor(rand() * 12)}/mod${Math.floor(rand() * 6)}/`];
    if (rand() < 0.1) scope.push(`pkg${Math.floor(rand() * 12)}/`);
    tasks.push({
      id,
      objective: id,
      skill: 's',
      dependencies: [...new Set(dependencies)],
      done_criteria: 'd',
      scope,
      checks: [],
      line: 0,
      parent: null,
      depth: 0,
    });
    durations[id] = 1 + Math.floor(rand() * 20);
  }
  return { tasks, durations };
}

function lowerBound(tasks, durations, slots) {
  const finish = new Map();
  for (const task of tasks)
    finish.set(
      task.id,
      durations[task.id] + Math.max(0, ...task.dependencies.map((id) => finish.get(id))),
    );
  const total = tasks.reduce((sum, task) => sum + durations[task.id], 0);
  return Math.max(Math.max(...finish.values()), total / slots);
}

const rand = random(20261120);
let ratioSum = 0;
let barrierSum = 0;
let worst = 0;
const runs = quick ? 10 : 200;
for (let run = 0; run < runs; run++) {
  const slots = 2 + Math.floor(rand() * 7);
  const { tasks, durations } = randomPlan(rand, 40 + Math.floor(rand() * 160));
  const schedule = scheduleTasks(tasks, { concurrency: slots, durations });
  const bound = lowerBound(tasks, durations, slots);
  const barrier = barrierWaves(tasks, { concurrency: slots }).reduce(
    (sum, wave) => sum + Math.max(...wave.map((id) => durations[id])),
    0,
  );
  ratioSum += schedule.makespan / bound;
  barrierSum += barrier / bound;
  worst = Math.max(worst, schedule.makespan / bound);
}
report({
  figure: 'playbook-schedule (makespan / lower bound)',
  ratio: ratioSum / runs,
  target: 1.1,
  detail: `mean of ${runs} random DAGs (40-200 tasks, 2-8 slots), worst ${worst.toFixed(2)}; barrier waves ${(barrierSum / runs).toFixed(2)}x`,
});

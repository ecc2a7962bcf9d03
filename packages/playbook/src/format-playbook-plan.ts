import { canonicalJson } from '@rc/orchestrator-core';
import { barrierWaves } from './barrier-waves';
import { groupWaves } from './group-waves';
import type { MasterPlan, PlaybookTask } from './playbook-task';
import type { PlaybookSchedule } from './schedule-tasks';

/** Output formats of `rc playbook plan`. */
export const PLAN_FORMATS = ['table', 'json', 'mermaid', 'github-matrix'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/**
 * Renders a plan and its schedule: `table` for people, `json` for tools, `mermaid` for a
 * dependency graph grouped by wave, and `github-matrix` for a workflow's `strategy.matrix`
 * (one entry per task with its barrier wave, so jobs can run wave by wave on separate runners).
 */
export function formatPlaybookPlan(
  plan: MasterPlan,
  schedule: PlaybookSchedule,
  format: PlanFormat,
): string {
  const byId = new Map(plan.tasks.map((task) => [task.id, task]));
  const waves = groupWaves(schedule);
  const waveOf = new Map(
    waves.flatMap((wave) => wave.entries.map((entry) => [entry.id, wave.wave] as const)),
  );
  switch (format) {
    case 'json':
      return canonicalJson({
        source: plan.source,
        concurrency: schedule.concurrency,
        makespan: schedule.makespan,
        tasks: schedule.entries.map((entry) => ({
          ...(byId.get(entry.id) as PlaybookTask),
          ...entry,
          wave: waveOf.get(entry.id),
        })),
        unscheduled: schedule.unscheduled,
      });
    case 'github-matrix': {
      const barrier = barrierWaves(plan.tasks, { concurrency: schedule.concurrency });
      const include = barrier.flatMap((ids, index) =>
        ids.map((id) => {
          const task = byId.get(id) as PlaybookTask;
          return {
            task: id,
            skill: task.skill,
            wave: index + 1,
            depends_on: task.dependencies.join(' '),
          };
        }),
      );
      return `${JSON.stringify({ include })}\n`;
    }
    case 'mermaid':
      return mermaid(
        plan,
        waves.map((wave) => wave.entries.map((entry) => entry.id)),
      );
    case 'table':
      return table(plan, schedule, waveOf);
  }
}

function table(
  plan: MasterPlan,
  schedule: PlaybookSchedule,
  waveOf: ReadonlyMap<string, number>,
): string {
  const byId = new Map(plan.tasks.map((task) => [task.id, task]));
  const rows = schedule.entries.map((entry) => {
    const task = byId.get(entry.id) as PlaybookTask;
    return [
      String(waveOf.get(entry.id)),
      String(entry.start),
      String(entry.slot + 1),
      entry.id,
      task.skill || '-',
      task.dependencies.join(', ') || '-',
      task.scope.join(', '),
    ];
  });
  const header = ['wave', 'start', 'slot', 'task', 'skill', 'depends on', 'scope'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] as string).length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] as number))
      .join('  ')
      .trimEnd();
  const lines = [
    `${plan.source}: ${plan.tasks.length} tasks, ${schedule.concurrency} at a time, ${schedule.makespan} steps (unit durations)`,
    '',
    line(header),
    ...rows.map(line),
  ];
  if (schedule.unscheduled.length > 0)
    lines.push('', `never runnable: ${schedule.unscheduled.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function mermaid(plan: MasterPlan, waves: string[][]): string {
  const node = (id: string) => `t_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const label = (task: PlaybookTask) => `${task.id}: ${task.objective}`.replace(/"/g, "'");
  const byId = new Map(plan.tasks.map((task) => [task.id, task]));
  const lines = ['flowchart LR'];
  waves.forEach((ids, index) => {
    lines.push(`  subgraph wave${index + 1}["wave ${index + 1}"]`);
    for (const id of ids) lines.push(`    ${node(id)}["${label(byId.get(id) as PlaybookTask)}"]`);
    lines.push('  end');
  });
  for (const task of plan.tasks)
    for (const dependency of task.dependencies)
      lines.push(`  ${node(dependency)} --> ${node(task.id)}`);
  return `${lines.join('\n')}\n`;
}

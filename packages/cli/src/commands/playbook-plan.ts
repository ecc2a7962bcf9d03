import { formatPlaybookPlan, scheduleTasks, type PlanFormat } from '@rc/playbook';
import type { CliIo } from '../cli-io';
import { loadPlaybookConfig, loadPlaybookPlan } from './playbook-common';

/** Options of `rc playbook plan`. */
export interface PlaybookPlanOptions {
  format: PlanFormat;
  concurrency?: string;
  config?: string;
}

/** `rc playbook plan FILE`: parse, schedule and print the plan; writes nothing. */
export async function playbookPlan(
  file: string,
  options: PlaybookPlanOptions,
  io: CliIo,
): Promise<number> {
  const config = await loadPlaybookConfig(options, io);
  const plan = await loadPlaybookPlan(file, io);
  const schedule = scheduleTasks(plan.tasks, { concurrency: config.concurrency });
  io.stdout.write(formatPlaybookPlan(plan, schedule, options.format));
  return 0;
}

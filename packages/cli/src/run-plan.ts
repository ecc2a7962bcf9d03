import type { CliIo } from './cli-io';
import { orchestratorPlan } from './commands/orchestrator-plan';
import type { PlanOptions } from './commands/_plan-from-input';
import { redactingIo } from './redacting-io';
import { reportError } from './report-error';

/**
 * `rc orchestrator plan` without the command tree: what `run` does for the plan once commander
 * has parsed its options (see fastPlanOptions), with the same redacted io and the same errors.
 */
export async function runPlan(options: PlanOptions, rawIo: CliIo): Promise<number> {
  const io = redactingIo(rawIo);
  try {
    return await orchestratorPlan(options, io);
  } catch (error) {
    return reportError(error, io);
  }
}

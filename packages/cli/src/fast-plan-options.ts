import type { PlanOptions } from './commands/_plan-from-input';

// `rc orchestrator plan`'s options that take a value, by flag, with the key commander gives each.
const VALUE_OPTIONS: Readonly<Record<string, keyof PlanOptions>> = {
  '--event-path': 'eventPath',
  '--event-name': 'eventName',
  '--config': 'config',
  '--run-id': 'runId',
  '--now': 'now',
  '--artifacts-dir': 'artifactsDir',
};

/**
 * The options of a plain `rc orchestrator plan` command line, exactly as commander would give
 * them to the command; null for anything else, which then goes through commander itself.
 *
 * The plan is rc's hot path (one run per comment), and commander's whole command tree costs more
 * than the plan. So only the unambiguous shapes are taken here: `--flag value`, `--flag=value` and
 * `--json`, each value either not starting with `-` or exactly `-` (stdin). Help, the version
 * flag, unknown options, operands, `--` and a missing value all return null, so commander prints
 * the same help and errors it always did.
 */
export function fastPlanOptions(args: readonly string[]): PlanOptions | null {
  if (args[0] !== 'orchestrator' || args[1] !== 'plan') return null;
  const options: PlanOptions = {};
  for (let index = 2; index < args.length; index++) {
    const arg = args[index] as string;
    if (arg === '--json') {
      options.json = true;
      continue;
    }
    const equals = arg.indexOf('=');
    const flag = equals > 2 && arg.startsWith('--') ? arg.slice(0, equals) : arg;
    const key = Object.hasOwn(VALUE_OPTIONS, flag) ? VALUE_OPTIONS[flag] : undefined;
    if (key === undefined) return null;
    const value = flag === arg ? args[++index] : arg.slice(equals + 1);
    // commander takes the next word as the value whatever it is, but its parents would first
    // read an option-like word as their own (`-V`, `--help`): leave all of those to commander.
    if (value === undefined || (flag === arg && value.length > 1 && value.startsWith('-'))) {
      return null;
    }
    (options as Record<string, string>)[key] = value;
  }
  return options;
}

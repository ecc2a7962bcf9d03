import { Option, type Command } from 'commander';
import type { CliIo } from '../cli-io';
import type { LoopRunOptions } from './loop-run';
import type { LoopStatusOptions } from './loop-status';
import { heartbeatOption, logFormatOption } from './progress-options';

/** Registers `rc loop run` and `rc loop status`; implementations load only when run. */
export function registerLoop(
  program: Command,
  io: CliIo,
  done: (code: number) => void,
  sub: (parent: Command, name: string) => Command,
): void {
  const loop = sub(program, 'loop').description(
    'the supervisor (galph) / worker (ralph) prompt loop of orchestration.yaml',
  );
  sub(loop, 'run')
    .description(
      'run galph and ralph turns (router, reviewer cadence, limits), writing state.json after every turn',
    )
    .option(
      '--config <file>',
      'orchestration.yaml to read (default: the nearest one from here up to the git root; paths in it are relative to it)',
    )
    .addOption(
      new Option('--mode <mode>', 'combined: both actors here; role: one actor, synced through git')
        .choices(['combined', 'role'])
        .default('combined'),
    )
    .addOption(
      new Option('--role <actor>', 'the actor this machine plays in role mode').choices([
        'galph',
        'ralph',
      ]),
    )
    .option('--once', 'run at most one turn, then exit (role mode: exit 0 when it is not our turn)')
    .option(
      '--max-iterations <n>',
      'override loop.limits.max_iterations (default: from the config, 10)',
    )
    .option('--retry', 'resume a loop whose state says failed (the failed turn runs again)')
    .option('--json', 'print {status, exit_code, reason, turns, state} on stdout at the end')
    .addOption(logFormatOption())
    .addOption(heartbeatOption())
    .addHelpText(
      'after',
      `
Progress goes to stderr: a line when each turn starts (turn number, role, prompt, agent, its
transcript logs/<iteration>-<actor>-<prompt>.log) and when it ends (duration, result, the tokens
and cost the agent reported); when stderr is not a terminal, a heartbeat line while a turn runs.
Text lines on a terminal, JSON lines elsewhere (CI), or as --log-format says. Before the first turn every agent is
checked (on PATH, executable, logged in where its CLI can tell); an agent that is not logged in,
distrusts the directory, is out of quota or cannot reach its API fails the turn with one line
saying what to do. Agents' permissions: loop.actors.<actor>.agent.permissions (docs/agents.md).
Exit codes: 0 done (or --once finished), 1 an agent or git failed, 2 bad config or corrupt state,
3 lost a git race, 4 a limit was reached (iterations, total time, loop.limits.max_tokens or
max_cost_usd), 130 interrupted.
Run it again after a crash or Ctrl-C: it resumes from the last completed turn. A failed loop
stays failed: once the cause is fixed, run it with --retry.

Examples:
  rc loop run --max-iterations 3
  rc loop run --mode role --role ralph          # on the worker machine; galph runs elsewhere`,
    )
    .action(async (options: LoopRunOptions) =>
      done(await (await import('./loop-run')).loopRun(options, io)),
    );
  sub(loop, 'status')
    .description("print the loop's state: status, iteration, next actor, counters, last turn")
    .option(
      '--config <file>',
      'orchestration.yaml to read (default: the nearest one from here up to the git root; paths in it are relative to it)',
    )
    .option('--json', 'print state.json as canonical JSON (null when the loop has not run)')
    .addHelpText('after', '\nExample:\n  rc loop status --json')
    .action(async (options: LoopStatusOptions) =>
      done(await (await import('./loop-status')).loopStatus(options, io)),
    );
}

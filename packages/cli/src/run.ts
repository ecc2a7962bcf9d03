import { Command, CommanderError } from 'commander';
import { EXIT_CODES } from '@rc/orchestrator-core';
import type { CliIo } from './cli-io';
import { registerGate } from './commands/gate-register';
import { registerLoop } from './commands/loop-register';
import { registerOrchestrator } from './commands/orchestrator-register';
import { registerPlaybook } from './commands/playbook-register';
import { registerPromote } from './commands/promote-register';
import { registerTime } from './commands/time-register';
import { registerWorkflows } from './commands/workflows-register';
import { redactingIo } from './redacting-io';
import { reportError } from './report-error';
import { VERSION } from './version';

const EXIT_TABLE = `
Exit codes:
  0    success
  1    a decision said no or an operation failed
  2    usage error or invalid input (nothing was written)
  3    retryable conflict
  4    a limit was reached
  130  interrupted`;

/** Runs `rc` with the given arguments (without node and script) and returns the exit code. */
export async function run(args: readonly string[], rawIo: CliIo): Promise<number> {
  // Everything rc prints passes through one redactor: no command can leak a secret by forgetting.
  const io = redactingIo(rawIo);
  let exitCode: number = EXIT_CODES.ok;
  const done = (code: number) => {
    exitCode = code;
  };
  const program = buildProgram(io, done);
  try {
    await program.parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.invalidInput;
    }
    return reportError(error, io);
  }
}

function buildProgram(io: CliIo, done: (code: number) => void): Command {
  const program = new Command('rc')
    .description('Run AI coding agents from GitHub issues, safely and reproducibly.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .addHelpText('after', EXIT_TABLE)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // One prefix for every error rc prints: commander's usage errors say `rc:` too.
      outputError: (text, write) => write(text.replace(/^error: /, 'rc: ')),
    });
  program.configureHelp({ showGlobalOptions: false });
  const sub = (parent: Command, name: string) =>
    parent.command(name).exitOverride().configureOutput(program.configureOutput());

  // Each area registers its own commands, one line each:
  registerOrchestrator(program, io, done, sub);
  registerGate(program, io, done, sub);
  registerLoop(program, io, done, sub);
  registerPlaybook(program, io, done, sub);
  registerPromote(program, io, done, sub);
  registerWorkflows(program, io, done, sub);
  registerTime(program, io, done, sub);
  return program;
}

import {
  canonicalJson,
  commandFromEvent,
  InvalidInputError,
  parseGitHubEvent,
  type SlashCommand,
} from '@rc/orchestrator-core';
import type { CliIo } from '../cli-io';
import { loadConfig } from '../load-config';
import { readEvent } from '../read-event';

/** Options of `rc orchestrator parse`. */
export interface OrchestratorParseOptions {
  eventPath?: string;
  eventName?: string;
  config?: string;
}

/** Reads an event and returns the `/orchestrate` command it carries, or throws InvalidInputError. */
export async function parseCommandFromInput(
  options: OrchestratorParseOptions,
  io: CliIo,
): Promise<SlashCommand> {
  const { config } = await loadConfig(options.config, io);
  const input = await readEvent(options, io);
  const event = parseGitHubEvent(input.payload, input.name);
  if (!event.ok) {
    throw new InvalidInputError(`${input.source} is not a valid GitHub event:`, {
      issues: event.issues,
    });
  }
  const command = commandFromEvent(event.value, {
    command: config.dispatch.command,
    staticArgs: config.dispatch.static_args,
  });
  if (!command.ok) {
    throw new InvalidInputError(
      `not a valid /${config.dispatch.command} command: ${command.error.message}`,
    );
  }
  return command.value;
}

/** `rc orchestrator parse`: prints the parsed command as canonical JSON. */
export async function orchestratorParse(
  options: OrchestratorParseOptions,
  io: CliIo,
): Promise<number> {
  const command = await parseCommandFromInput(options, io);
  io.stdout.write(canonicalJson(command));
  return 0;
}

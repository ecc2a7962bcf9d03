import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  InvalidInputError,
  loadOrchestrationConfig,
  parseOrchestrationConfig,
  type OrchestrationConfig,
} from '@rc/orchestrator-core';
import { parse as parseYaml } from 'yaml';
import type { CliIo } from './cli-io';

/** The default configuration file, looked up in the working directory. */
const DEFAULT_CONFIG_FILE = 'orchestration.yaml';

/**
 * Loads `orchestration.yaml`: the path given (which must exist), else the one in the working
 * directory when present, else all defaults. Problems are an InvalidInputError listing each
 * `path: message`.
 */
export async function loadConfig(
  configPath: string | undefined,
  io: CliIo,
): Promise<OrchestrationConfig> {
  const shown = configPath ?? DEFAULT_CONFIG_FILE;
  let text: string;
  try {
    // Synchronously: a command has nothing to do meanwhile, and an asynchronous read is four trips
    // to libuv's thread pool, each of which can wait for a core on a busy machine.
    text = readFileSync(resolve(io.cwd, shown), 'utf8');
  } catch (error) {
    if (configPath === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') {
      const defaults = parseOrchestrationConfig({});
      if (defaults.ok) return defaults.value;
    }
    throw new InvalidInputError(`cannot read config ${shown}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const result = loadOrchestrationConfig(text, { parseYaml, source: shown });
  if (!result.ok) {
    throw new InvalidInputError(`invalid config ${shown}:`, { issues: result.issues });
  }
  return result.value;
}

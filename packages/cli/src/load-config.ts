import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import {
  findOrchestrationConfig,
  InvalidInputError,
  loadOrchestrationConfig,
  ORCHESTRATION_CONFIG_FILE,
  parseOrchestrationConfig,
  type OrchestrationConfig,
} from '@rc/orchestrator-core';
import { parse as parseYaml } from 'yaml';
import type { CliIo } from './cli-io';

/** The configuration file rc looks for when `--config` is not given. */
const DEFAULT_CONFIG_FILE = ORCHESTRATION_CONFIG_FILE;

/** A configuration and where it came from. */
export interface LoadedConfig {
  config: OrchestrationConfig;
  /** The file read (absolute), or null when no file was found and the defaults apply. */
  file: string | null;
  /** What paths in the config are relative to: the file's directory, else the working directory. */
  root: string;
}

/**
 * Loads `orchestration.yaml`. A path given (`--config`, relative to the working directory) must
 * exist. Without one, the working directory and each parent up to the git root are searched, and
 * one line on stderr says which file is in use or that the defaults are (`RC_LOG_LEVEL=warn` or
 * `error` silences it). `null` means the defaults without a word: a caller that already searched
 * and said so. Problems are an InvalidInputError listing each `path: message`.
 */
export async function loadConfig(
  configPath: string | null | undefined,
  io: CliIo,
): Promise<LoadedConfig> {
  if (configPath === null) return defaults(io.cwd);
  if (configPath !== undefined) {
    const file = resolve(io.cwd, configPath);
    return { config: readConfig(file, configPath), file, root: dirname(file) };
  }
  // Symlinks resolved, as the shell's `cd ..` would not: the repository is where the files are.
  const start = realpathSync(io.cwd);
  const found = findOrchestrationConfig(start, { isFile, exists: existsSync });
  if (found.file === null) {
    say(
      io,
      `rc config: no ${DEFAULT_CONFIG_FILE} found (searched up to ${found.searchedUpTo}); using defaults`,
    );
    return defaults(io.cwd);
  }
  const shown = relative(start, found.file);
  say(io, `rc config: ${shown}`);
  return { config: readConfig(found.file, shown), file: found.file, root: dirname(found.file) };
}

function readConfig(file: string, shown: string): OrchestrationConfig {
  let text: string;
  try {
    // Synchronously: a command has nothing to do meanwhile, and an asynchronous read is four trips
    // to libuv's thread pool, each of which can wait for a core on a busy machine.
    text = readFileSync(file, 'utf8');
  } catch (error) {
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

function defaults(root: string): LoadedConfig {
  const parsed = parseOrchestrationConfig({});
  if (!parsed.ok) throw new Error(`the default config is invalid: ${parsed.issues.join('; ')}`);
  return { config: parsed.value, file: null, root };
}

function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    // A directory rc may not look into holds no config rc can read.
    return false;
  }
}

function say(io: CliIo, line: string): void {
  const level = io.env['RC_LOG_LEVEL'];
  if (level === 'warn' || level === 'error') return;
  io.stderr.write(`${line}\n`);
}

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  InvalidInputError,
  loadOrchestrationConfig,
  parseOrchestrationConfig,
  type OrchestrationConfig,
} from '@rc/orchestrator-core';
import { parse as parseYaml } from 'yaml';

/** A configuration and what the paths in it are relative to. */
export interface ActionConfig {
  config: OrchestrationConfig;
  /** The config file's directory, or the working directory when the defaults apply. */
  root: string;
}

/**
 * Loads `orchestration.yaml`: the path given (which must exist), else the one in the working
 * directory (the workspace, the repository's root) when present, else all defaults. Paths in it
 * are relative to it, as for the CLI. Any other read error, and every schema problem, is an
 * InvalidInputError.
 */
export function loadActionConfig(path: string, cwd: string): ActionConfig {
  const shown = path || 'orchestration.yaml';
  const file = resolve(cwd, shown);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (path === '' && (error as NodeJS.ErrnoException).code === 'ENOENT') {
      const defaults = parseOrchestrationConfig({});
      if (defaults.ok) return { config: defaults.value, root: cwd };
    }
    throw new InvalidInputError(`cannot read config ${shown}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const result = loadOrchestrationConfig(text, { parseYaml, source: shown });
  if (!result.ok)
    throw new InvalidInputError(`invalid config ${shown}:`, { issues: result.issues });
  return { config: result.value, root: dirname(file) };
}

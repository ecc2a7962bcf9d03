import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  InvalidInputError,
  loadOrchestrationConfig,
  parseOrchestrationConfig,
  type OrchestrationConfig,
} from '@rc/orchestrator-core';
import { parse as parseYaml } from 'yaml';

/**
 * Loads `orchestration.yaml` as the CLI does: the path given (which must exist), else the one in
 * the working directory when present, else all defaults. Any other read error, and every schema
 * problem, is an InvalidInputError.
 */
export function loadActionConfig(path: string, cwd: string): OrchestrationConfig {
  const shown = path || 'orchestration.yaml';
  let text: string;
  try {
    text = readFileSync(resolve(cwd, shown), 'utf8');
  } catch (error) {
    if (path === '' && (error as NodeJS.ErrnoException).code === 'ENOENT') {
      const defaults = parseOrchestrationConfig({});
      if (defaults.ok) return defaults.value;
    }
    throw new InvalidInputError(`cannot read config ${shown}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const result = loadOrchestrationConfig(text, { parseYaml, source: shown });
  if (!result.ok)
    throw new InvalidInputError(`invalid config ${shown}:`, { issues: result.issues });
  return result.value;
}

import { readFile } from 'node:fs/promises';
import { InvalidInputError, validate } from '@rc/orchestrator-core';
import { OrchestrationStateSchema, type OrchestrationState } from './orchestration-state';

/**
 * Parses state.json text. A corrupt or foreign file is an InvalidInputError (exit 2) naming the
 * file and every problem: the loop never guesses over a state it cannot read.
 */
export function parseState(text: string, source: string): OrchestrationState {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError(`${source} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const result = validate(OrchestrationStateSchema, data);
  if (!result.ok)
    throw new InvalidInputError(`${source} is not a valid loop state:`, { issues: result.issues });
  return result.value;
}

/** Reads the state file; null when it does not exist yet. */
export async function readState(path: string, shown = path): Promise<OrchestrationState | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new InvalidInputError(`cannot read ${shown}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return parseState(text, shown);
}

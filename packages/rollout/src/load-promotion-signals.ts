import { readFile } from 'node:fs/promises';
import { InvalidInputError } from '@rc/orchestrator-core';
import { parsePromotionSignals, type PromotionSignals } from './promotion-signals';

/**
 * Reads the signals file. A missing file is null (the decision then holds); a file that is not
 * valid signals JSON is an InvalidInputError (exit 2), since guessing would be worse.
 */
export async function loadPromotionSignals(path: string): Promise<PromotionSignals | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new InvalidInputError(`cannot read signals ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError(`signals ${path} is not valid JSON`, { cause: error });
  }
  const parsed = parsePromotionSignals(data);
  if (!parsed.ok)
    throw new InvalidInputError(`invalid signals ${path}:`, { issues: parsed.issues });
  return parsed.value;
}

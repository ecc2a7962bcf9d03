import { readFile } from 'node:fs/promises';
import { writeFileAtomic, type TextRedactor } from '@rc/orchestrator-core';

/**
 * Rewrites a streamed applier transcript redacted, like every other artifact. The applier's
 * output reaches the file raw (it streams while the applier runs), so this runs once it has
 * ended, and again on recovery for a run that crashed before it could. A missing file is fine.
 */
export async function redactApplierLog(file: string, redactor: TextRedactor): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  await writeFileAtomic(file, text, { redactor });
}

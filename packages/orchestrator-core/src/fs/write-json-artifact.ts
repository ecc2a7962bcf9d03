import { canonicalJson } from '../json/canonical-json';
import { writeFileAtomic, type WriteFileAtomicOptions } from './write-file-atomic';

/** Anything that can scrub secrets out of a structured value, field by field. */
export interface ValueRedactor {
  /** A deep copy of `value` with every string (keys too) redacted; other leaves as they are. */
  redactValue<T>(value: T): T;
}

/**
 * Writes `value` as canonical JSON, atomically, redacted field by field before it is serialised:
 * a secret that happens to read like JSON (`false`, `": "`) can only replace text inside a string,
 * so the file is always valid JSON. Returns the bytes written.
 */
export async function writeJsonArtifact(
  path: string,
  value: unknown,
  redactor: ValueRedactor,
  options: Pick<WriteFileAtomicOptions, 'root' | 'mode'> = {},
): Promise<string> {
  const content = canonicalJson(redactor.redactValue(value));
  await writeFileAtomic(path, content, options);
  return content;
}

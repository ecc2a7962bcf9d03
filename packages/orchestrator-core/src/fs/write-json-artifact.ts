import { canonicalJson } from '../json/canonical-json';
import { writeFileAtomic, type TextRedactor } from './write-file-atomic';

/** Writes `value` as canonical JSON, redacted, atomically. Returns the bytes written. */
export async function writeJsonArtifact(
  path: string,
  value: unknown,
  redactor: TextRedactor,
): Promise<string> {
  const content = redactor.redact(canonicalJson(value));
  await writeFileAtomic(path, content);
  return content;
}

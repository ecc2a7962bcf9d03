import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A line of an NDJSON file that parsed as JSON. */
export interface NdjsonRecord {
  /** 1-based line number. */
  line: number;
  raw: string;
  value: unknown;
}

/** A line that did not parse, with the parser's message. */
export interface NdjsonProblem {
  line: number;
  raw: string;
  error: string;
}

/**
 * Appends text (whole lines) to an NDJSON file with one O_APPEND write, so concurrent appends
 * never interleave. A torn last line (no newline, from a crash) is ended first, so the new lines
 * stay readable.
 */
export async function appendNdjson(
  path: string,
  text: string,
  options: { sync?: boolean } = {},
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'a+');
  try {
    const { size } = await handle.stat();
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = '\n';
    }
    await handle.write(`${prefix}${text}`);
    if (options.sync) await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Reads an NDJSON file line by line; null when it does not exist. Blank lines are skipped. */
export async function readNdjson(
  path: string,
): Promise<{ records: NdjsonRecord[]; problems: NdjsonProblem[] } | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const records: NdjsonRecord[] = [];
  const problems: NdjsonProblem[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    try {
      records.push({ line: index + 1, raw, value: JSON.parse(raw) as unknown });
    } catch (error) {
      problems.push({ line: index + 1, raw, error: (error as Error).message });
    }
  });
  return { records, problems };
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidInputError } from '@rc/orchestrator-core';
import type { CliIo } from './cli-io';

/** A parsed event payload, where it came from (for messages), and its event name if known. */
export interface EventInput {
  payload: unknown;
  source: string;
  /** `--event-name`, else `GITHUB_EVENT_NAME` when the event came from `GITHUB_EVENT_PATH`. */
  name: string | undefined;
}

/**
 * Reads the event JSON: `--event-path F` (`-` for stdin), else piped stdin, else
 * `GITHUB_EVENT_PATH`. Unreadable or malformed input is an InvalidInputError naming the source.
 */
export async function readEvent(
  options: { eventPath?: string; eventName?: string },
  io: CliIo,
): Promise<EventInput> {
  const { eventPath } = options;
  let text: string | null = null;
  let source: string;
  if (eventPath !== undefined && eventPath !== '-') {
    source = eventPath;
    text = await readText(resolve(io.cwd, eventPath), eventPath);
  } else {
    source = 'stdin';
    text = await io.readStdin();
    const fallback = io.env['GITHUB_EVENT_PATH'];
    if ((text === null || text.trim() === '') && eventPath === undefined && fallback) {
      source = fallback;
      text = await readText(resolve(io.cwd, fallback), `GITHUB_EVENT_PATH (${fallback})`);
    }
  }
  if (text === null || text.trim() === '') {
    throw new InvalidInputError(
      `no event: pass --event-path FILE, pipe the event JSON on stdin, or set GITHUB_EVENT_PATH (${source} was empty)`,
    );
  }
  try {
    const fromRunner = source === io.env['GITHUB_EVENT_PATH'];
    const name = options.eventName ?? (fromRunner ? io.env['GITHUB_EVENT_NAME'] : undefined);
    return { payload: JSON.parse(text) as unknown, source, name };
  } catch (error) {
    throw new InvalidInputError(
      `${source} is not valid JSON: ${oneLine((error as Error).message)}`,
      { cause: error },
    );
  }
}

// Synchronously, as loadConfig reads: nothing else runs meanwhile.
async function readText(path: string, shown: string): Promise<string> {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : (error as Error).message;
    throw new InvalidInputError(`cannot read event ${shown}: ${reason}`, { cause: error });
  }
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 160 ? `${flat.slice(0, 160)}…` : flat;
}

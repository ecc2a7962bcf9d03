import { access } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { OperationError, writeFileAtomic } from '@rc/orchestrator-core';
import { PLAYBOOK_TEMPLATES } from '@rc/playbook';
import type { CliIo } from '../cli-io';

/** Options of `rc playbook init`. */
export interface PlaybookInitOptions {
  dir: string;
  force?: boolean;
}

/** `rc playbook init`: writes the seed's templates; refuses to overwrite without --force. */
export async function playbookInit(options: PlaybookInitOptions, io: CliIo): Promise<number> {
  const dir = resolve(io.cwd, options.dir);
  const names = Object.keys(PLAYBOOK_TEMPLATES).sort();
  if (!options.force) {
    const existing = [];
    for (const name of names)
      if (
        await access(join(dir, name)).then(
          () => true,
          () => false,
        )
      )
        existing.push(join(options.dir, name));
    if (existing.length > 0)
      throw new OperationError(
        `${existing.join(', ')} already exist; nothing was written (use --force to overwrite)`,
      );
  }
  for (const name of names) {
    await writeFileAtomic(join(dir, name), PLAYBOOK_TEMPLATES[name] as string);
    io.stdout.write(`wrote ${relative(io.cwd, join(dir, name))}\n`);
  }
  return 0;
}

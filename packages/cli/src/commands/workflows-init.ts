import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { canonicalJson, OperationError, writeFileAtomic } from '@rc/orchestrator-core';
import { RC_VERSION, renderStarterFiles } from '@rc/workflows';
import type { CliIo } from '../cli-io';

/** Options of `rc workflows init`. */
export interface WorkflowsInitOptions {
  dir?: string;
  ref?: string;
  repository?: string;
  force?: boolean;
  json?: boolean;
}

/**
 * `rc workflows init`: writes caller workflows, a starter orchestration.yaml and a prompts
 * directory. All or nothing: when any target exists and --force is not given, nothing is written.
 */
export async function workflowsInit(options: WorkflowsInitOptions, io: CliIo): Promise<number> {
  const dir = resolve(io.cwd, options.dir ?? '.');
  const ref = options.ref ?? `v${RC_VERSION}`;
  const files = renderStarterFiles({
    ref,
    ...(options.repository === undefined ? {} : { repository: options.repository }),
  });
  const existing: string[] = [];
  for (const file of files) if (await exists(resolve(dir, file.path))) existing.push(file.path);
  if (existing.length > 0 && options.force !== true) {
    throw new OperationError(
      `${existing.join(', ')} already exist; nothing was written (use --force to overwrite)`,
    );
  }
  for (const file of files) await writeFileAtomic(resolve(dir, file.path), file.text);
  if (!/^[0-9a-f]{40}$/.test(ref)) {
    io.stderr.write(
      `rc workflows init: --ref ${ref} is not a commit SHA; pin the reusable workflows to the tag's full commit SHA (rc workflows lint reports it as unpinned-action)\n`,
    );
  }
  const written = files.map((file) => file.path);
  if (options.json) io.stdout.write(canonicalJson({ dir, ref, written, overwritten: existing }));
  else io.stdout.write(written.map((path) => `wrote ${path}\n`).join(''));
  return 0;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

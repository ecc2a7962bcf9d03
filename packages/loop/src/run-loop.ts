import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { formatPhoenix, InvalidInputError } from '@rc/orchestrator-core';
import { checkLoopSetup } from './check-loop-setup';
import { preflightLoopAgents } from './preflight-loop-agents';
import { runCombined } from './_run-combined';
import { runRole } from './_run-role';
import type { LoopRuntime } from './_loop-runtime';
import type { LoopOutcome, RunLoopOptions } from './run-loop-options';
import type { Actor } from './state/orchestration-state';

/**
 * Runs the prompt loop until it is done, fails, reaches a limit or is interrupted, writing
 * state.json atomically after every turn. Throws InvalidInputError (exit 2) for a bad setup or a
 * corrupt state, OperationError for git failures, ConflictError for a lost git race.
 */
export async function runLoop(options: RunLoopOptions): Promise<LoopOutcome> {
  const mode = options.mode ?? 'combined';
  if (mode === 'role' && options.role === undefined) {
    throw new InvalidInputError('--role galph|ralph is required in role mode');
  }
  if (mode === 'role' && options.config.sync.mode !== 'git') {
    throw new InvalidInputError('loop.sync.mode: role mode needs "git" (with remote and branch)');
  }
  await checkLoopSetup(options.root, options.config);
  if (options.preflight ?? true) {
    const actors: Actor[] = mode === 'role' ? [options.role ?? 'galph'] : ['galph', 'ralph'];
    await preflightLoopAgents(options.root, options.config, options.env, actors);
  }
  const total = options.config.limits.total_time_s;
  const runtime: LoopRuntime = {
    ...options,
    statePath: join(options.root, options.config.sync.state_path),
    maxIterations: options.maxIterations ?? options.config.limits.max_iterations,
    deadline: total === null ? null : options.clock().getTime() + total * 1000,
    now: () => formatPhoenix(options.clock()),
  };
  await removeStaleTemps(runtime.statePath);
  return mode === 'role' ? runRole(runtime) : runCombined(runtime);
}

// A kill -9 during an atomic write leaves its temp file behind; in role mode it would make the
// work tree look dirty. The state itself is whole either way.
async function removeStaleTemps(statePath: string): Promise<void> {
  const prefix = `.${basename(statePath)}.`;
  const names = await readdir(dirname(statePath)).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'))
      .map((name) => rm(join(dirname(statePath), name), { force: true })),
  );
}

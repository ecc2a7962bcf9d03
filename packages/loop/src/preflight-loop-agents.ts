import { OperationError, type LoopConfig } from '@rc/orchestrator-core';
import { preflightAgent, resolveAgentBackend } from '@rc/exec';
import type { Actor } from './state/orchestration-state';

/**
 * Checks, before the first turn, that every agent this process will run can run: resolvable,
 * executable, and logged in where its CLI can tell cheaply. Throws one OperationError (exit 1)
 * naming each actor and what to fix.
 */
export async function preflightLoopAgents(
  root: string,
  config: LoopConfig,
  env: Record<string, string | undefined>,
  actors: readonly Actor[],
): Promise<void> {
  const problems: string[] = [];
  const seen = new Map<string, string | null>();
  for (const actor of actors) {
    const backend = resolveAgentBackend(config.actors[actor].agent, `loop.actors.${actor}.agent`);
    // Two actors on one CLI need one check.
    const key = `${backend.preset}\0${backend.command}`;
    if (!seen.has(key)) {
      const result = await preflightAgent(backend, { cwd: root, env });
      seen.set(key, result.ok ? null : result.message);
    }
    const problem = seen.get(key);
    if (problem) problems.push(`loop.actors.${actor}.agent: ${problem}`);
  }
  if (problems.length > 0) {
    throw new OperationError(`the loop cannot start: ${problems.join('; ')}`);
  }
}

import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidInputError, type LoopConfig } from '@rc/orchestrator-core';
import { resolveAgentBackend } from '@rc/exec';
import { routerAllowlist } from './decide-route';

/**
 * Checks, before anything runs or is written, that every prompt the loop may use exists under
 * `prompts_dir` and every agent is usable. Throws one InvalidInputError (exit 2) listing all problems.
 */
export async function checkLoopSetup(root: string, config: LoopConfig): Promise<void> {
  const issues: string[] = [];
  const needed = new Map<string, string>();
  for (const actor of ['galph', 'ralph'] as const) {
    const settings = config.actors[actor];
    needed.set(settings.prompt, `loop.actors.${actor}.prompt`);
    if (settings.prompts.length > 0 && !settings.prompts.includes(settings.prompt)) {
      issues.push(
        `loop.actors.${actor}.prompt: "${settings.prompt}" is not in loop.actors.${actor}.prompts`,
      );
    }
    try {
      resolveAgentBackend(settings.agent, `loop.actors.${actor}.agent`);
    } catch (error) {
      issues.push((error as Error).message);
    }
  }
  if (config.review.every > 0) needed.set(config.review.prompt, 'loop.review.prompt');
  if (config.router.enabled) {
    needed.set(config.router.prompt, 'loop.router.prompt');
    for (const prompt of routerAllowlist(config)) needed.set(prompt, 'loop.router.allowlist');
  }
  for (const [prompt, where] of needed) {
    const file = join(config.prompts_dir, `${prompt}.md`);
    try {
      await access(join(root, file));
    } catch {
      issues.push(`${where}: prompt file ${file} does not exist`);
    }
  }
  if (issues.length > 0) throw new InvalidInputError('the loop cannot start:', { issues });
}

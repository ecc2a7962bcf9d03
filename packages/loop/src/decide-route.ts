import { fail, ok, type LoopConfig, type Result } from '@rc/orchestrator-core';

/** The line prefix a router agent prints its choice after, e.g. `RC_ROUTE: debug`. */
export const ROUTE_PREFIX = 'RC_ROUTE:';

/** The router's choice for galph's turn. */
export interface RouterDecision {
  actor: 'galph';
  prompt: string;
  /** Every prompt the router was allowed to choose. */
  allowlist: string[];
}

/** The prompts the router may choose: `router.allowlist`, else galph's prompt and allowlist. */
export function routerAllowlist(config: LoopConfig): string[] {
  const { galph } = config.actors;
  const list =
    config.router.allowlist.length > 0 ? config.router.allowlist : [galph.prompt, ...galph.prompts];
  return [...new Set(list)];
}

/**
 * Reads the router agent's choice: the last line starting with `RC_ROUTE:` in its output (a
 * trailing `.md` is ignored). No choice, or one outside the allowlist, is an error. Pure.
 */
export function decideRoute(output: string, config: LoopConfig): Result<RouterDecision> {
  const allowlist = routerAllowlist(config);
  const lines = output.split(/\r?\n/).map((line) => line.trim());
  const line = lines.reverse().find((text) => text.startsWith(ROUTE_PREFIX));
  if (line === undefined)
    return fail(`router: no "${ROUTE_PREFIX} <prompt>" line in the router's output`);
  const prompt = line.slice(ROUTE_PREFIX.length).trim().replace(/\.md$/, '');
  if (!allowlist.includes(prompt)) {
    return fail(
      `router: chose "${prompt}", which is not in the allowlist (${allowlist.join(', ')})`,
    );
  }
  return ok({ actor: 'galph', prompt, allowlist });
}

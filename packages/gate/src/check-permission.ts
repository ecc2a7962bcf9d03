import type { GitHubEvent } from '@rc/orchestrator-core';
import { decidePermission } from './decide-permission';
import type { PermissionDecision } from './permission-decision';
import { gatherPermissionFacts } from './gather-permission-facts';
import type { GatePolicy } from './resolve-gate-policy';
import type { RoleSource } from './role-source';

/** Input of {@link checkPermission}. */
export interface CheckPermissionOptions {
  /** The validated event, from `parseGitHubEvent` of `@rc/orchestrator-core`. */
  event: GitHubEvent;
  /** The policy, from {@link resolveGatePolicy}. */
  policy: GatePolicy;
  /** The role sources; asked in `policy.roleSources` order, others are ignored. */
  sources: readonly RoleSource[];
}

/** Gathers the facts from the sources, then decides. Never throws for a source's failure. */
export async function checkPermission(
  options: CheckPermissionOptions,
): Promise<PermissionDecision> {
  const { event, policy, sources } = options;
  const facts = await gatherPermissionFacts(event, policy, sources);
  return decidePermission(event, policy, facts);
}

import type { RepositoryRole } from '@rc/orchestrator-core';
import type { RoleSourceName } from './role-source';

/** What granted access: a role source, the `allowed_users` list, or a team. */
export type DecisionSource = RoleSourceName | 'allowed-users' | 'team';

/** The gate's answer, as `rc gate check --json` prints it. */
export interface PermissionDecision {
  /** True only when every condition holds. */
  allowed: boolean;
  /** The comment's author (`comment.user.login`), or null for an event without a comment. */
  actor: string | null;
  /** The author's repository role when a source knew it, else null. */
  role: RepositoryRole | null;
  /**
   * When allowed, what granted access (a role source, `allowed-users` or `team`); when denied,
   * the source of `role`, or null.
   */
  source: DecisionSource | null;
  /** Every failed condition when denied, the grounds when allowed; one short line each. */
  reasons: string[];
  /** True for a deleted comment: nothing to decide (still not allowed, exit 1). */
  ignored: boolean;
}

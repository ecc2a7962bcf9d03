import { formatPhoenix, type PromotionGovernance } from '@rc/orchestrator-core';
import { inChangeWindow } from './_in-change-window';
import { normalizeLogin } from './normalize-login';

/** The change rc is asked to make; dry runs are evaluated as the mode they preview. */
export type ChangeKind = 'apply' | 'rollback' | 'release';

/** Who asks, with what paperwork, and when. */
export interface GovernanceRequest {
  readonly kind: ChangeKind;
  /** The person or bot asking, or null when nobody was named. Compared as GitHub compares logins. */
  readonly actor: string | null;
  /**
   * Named approvers, compared as GitHub compares logins ({@link normalizeLogin}): each distinct
   * login counts once, blanks and the actor approving their own change not at all.
   */
  readonly approvers: readonly string[];
  /** Approvals counted elsewhere (for example a workflow's environment review), or null. */
  readonly approvals: number | null;
  readonly changeTicket: string | null;
  readonly intent: string | null;
  readonly now: Date;
}

/** One governance rule and whether the request meets it. */
export interface GovernanceCheck {
  readonly name: 'actor' | 'approvals' | 'change_ticket' | 'intent' | 'change_window';
  readonly passed: boolean;
  readonly reason: string;
}

/** Every rule's verdict; `passed` only when all pass. */
export interface GovernanceResult {
  readonly passed: boolean;
  readonly checks: readonly GovernanceCheck[];
}

/** Checks a change request against the governance policy. Pure; fails closed on anything unnamed. */
export function evaluateGovernance(
  policy: PromotionGovernance,
  request: GovernanceRequest,
): GovernanceResult {
  const checks: GovernanceCheck[] = [actorCheck(policy, request), approvalsCheck(policy, request)];
  const ticket = request.changeTicket?.trim() ?? '';
  if (policy.require_change_ticket || ticket !== '') {
    const valid = new RegExp(policy.change_ticket_pattern).test(ticket);
    checks.push({
      name: 'change_ticket',
      passed: valid,
      reason:
        ticket === ''
          ? 'a change ticket is required'
          : `change ticket ${JSON.stringify(ticket)} ${valid ? 'matches' : 'does not match'} /${policy.change_ticket_pattern}/`,
    });
  }
  if (policy.require_intent) {
    const given = (request.intent?.trim() ?? '') !== '';
    checks.push({
      name: 'intent',
      passed: given,
      reason: given ? 'intent stated' : 'an intent (--intent) is required',
    });
  }
  checks.push(windowCheck(policy, request));
  return { passed: checks.every((check) => check.passed), checks };
}

function actorCheck(policy: PromotionGovernance, request: GovernanceRequest): GovernanceCheck {
  const actor = normalizeLogin(request.actor ?? '');
  if (actor === '') {
    return { name: 'actor', passed: false, reason: 'no actor named (--actor or GITHUB_ACTOR)' };
  }
  if (policy.allowed_actors.length === 0) {
    return { name: 'actor', passed: true, reason: `${actor} (any actor allowed)` };
  }
  const allowed = policy.allowed_actors.some((login) => normalizeLogin(login) === actor);
  return {
    name: 'actor',
    passed: allowed,
    reason: `${actor} is ${allowed ? '' : 'not '}in allowed_actors`,
  };
}

function approvalsCheck(policy: PromotionGovernance, request: GovernanceRequest): GovernanceCheck {
  const actor = normalizeLogin(request.actor ?? '');
  const named = new Set(
    request.approvers.map(normalizeLogin).filter((who) => who !== '' && who !== actor),
  );
  const count = request.approvals ?? named.size;
  const needed = policy.required_approvals;
  return {
    name: 'approvals',
    passed: count >= needed,
    reason: `${count} approval${count === 1 ? '' : 's'}, ${needed} required`,
  };
}

function windowCheck(policy: PromotionGovernance, request: GovernanceRequest): GovernanceCheck {
  const at = formatPhoenix(request.now);
  if (policy.change_windows.length === 0) {
    return { name: 'change_window', passed: true, reason: `${at}: no change windows configured` };
  }
  if (request.kind === 'rollback' && policy.rollback_outside_windows) {
    return { name: 'change_window', passed: true, reason: `${at}: rollbacks may run any time` };
  }
  const open = policy.change_windows.find((window) => inChangeWindow(window, request.now));
  return {
    name: 'change_window',
    passed: open !== undefined,
    reason:
      open === undefined
        ? `${at} is outside every change window (Phoenix time)`
        : `${at} is inside ${open.days.join(',')} ${open.start}-${open.end} (Phoenix time)`,
  };
}

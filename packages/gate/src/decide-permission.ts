import { isPullRequestComment, type GitHubEvent } from '@rc/orchestrator-core';
import { decideAccess } from './_decide-access';
import { hasCommand } from './_has-command';
import { isBot } from './_is-bot';
import type { PermissionFacts } from './gather-permission-facts';
import type { GatePolicy } from './resolve-gate-policy';
import type { PermissionDecision } from './permission-decision';

/**
 * Decides whether the comment's author may run the command here. Pure: the event, the policy
 * and the gathered facts in, the decision out. Only `comment.user` is considered, never
 * `sender`, `github.actor` or `author_association`; anything unproven denies.
 */
export function decidePermission(
  event: GitHubEvent,
  policy: GatePolicy,
  facts: PermissionFacts,
): PermissionDecision {
  if (event.name !== 'issue_comment') {
    return deny(null, [`event: ${event.name} is not issue_comment`]);
  }
  const { action, comment, issue, repository } = event.payload;
  const actor = comment.user.login;
  if (action === 'deleted') {
    return { ...deny(actor, ['action: deleted comments are ignored']), ignored: true };
  }
  const failed: string[] = [];
  const grounds: string[] = [];
  const check = (holds: boolean, ground: string, failure: string) =>
    (holds ? grounds : failed).push(holds ? ground : failure);

  check(
    action === 'created' || policy.allowEdited,
    `event: issue_comment ${action}`,
    'action: edited comments are not allowed (gate.allow_edited is false)',
  );
  const command = `/${policy.command}`;
  check(
    hasCommand(comment.body, policy.command),
    `command: first line starts with ${command}`,
    `command: first line does not start with ${command}`,
  );
  const context = isPullRequestComment(event.payload) ? 'pull_request' : 'issue';
  check(
    policy.contexts.includes(context),
    `context: ${context} comments are allowed`,
    `context: ${context} comments are not allowed`,
  );
  const label = policy.requiredLabel;
  if (label !== null) {
    const where = `${context === 'issue' ? 'issue' : 'pull request'} #${issue.number}`;
    check(
      issue.labels.some((l) => l.name.toLowerCase() === label.toLowerCase()),
      `label: ${where} has ${label}`,
      `label: ${where} lacks required label ${label}`,
    );
  }
  if (isBot(comment.user)) {
    check(
      policy.allowedBots.includes(actor.toLowerCase()),
      `bot: ${actor} is listed in gate.allowed_bots`,
      `bot: ${actor} is a bot and not listed in gate.allowed_bots`,
    );
  }
  const access = decideAccess(actor, repository.owner.login, policy, facts);
  (access.granted ? grounds : failed).push(...access.reasons);

  const allowed = failed.length === 0;
  return {
    allowed,
    actor,
    role: access.role,
    source: allowed ? access.source : access.roleSource,
    reasons: allowed ? grounds : failed,
    ignored: false,
  };
}

function deny(actor: string | null, reasons: string[]): PermissionDecision {
  return { allowed: false, actor, role: null, source: null, reasons, ignored: false };
}

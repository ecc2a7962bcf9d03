import type { GitHubEvent } from '../events/parse-github-event';
import {
  parseOrchestrateCommand,
  type ParseOrchestrateCommandOptions,
  type ParseOrchestrateCommandResult,
} from './parse-orchestrate-command';

/**
 * Reads the `/orchestrate` command an event carries: an `issue_comment`'s body (defaulting to
 * the commented issue), or a `workflow_dispatch`'s `command` input (defaulting to its `issue`
 * input). Never throws.
 */
export function commandFromEvent(
  event: GitHubEvent,
  options: Omit<ParseOrchestrateCommandOptions, 'defaultIssue'> = {},
): ParseOrchestrateCommandResult {
  if (event.name === 'issue_comment') {
    return parseOrchestrateCommand(event.payload.comment.body, {
      ...options,
      defaultIssue: event.payload.issue.number,
    });
  }
  const inputs = event.payload.inputs ?? {};
  const command = inputs['command'];
  if (typeof command !== 'string' || command.trim() === '') {
    return {
      ok: false,
      error: {
        code: 'empty',
        column: null,
        message: 'workflow_dispatch: the "command" input is missing or empty',
      },
    };
  }
  const issue = inputs['issue'];
  const defaultIssue =
    (typeof issue === 'string' || typeof issue === 'number') &&
    /^[1-9][0-9]{0,9}$/.test(String(issue))
      ? Number(issue)
      : null;
  return parseOrchestrateCommand(command, { ...options, defaultIssue });
}

import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import {
  canonicalJson,
  escapeMarkdown,
  InvalidInputError,
  markdownCodeSpan,
  parseGitHubEvent,
  type GitHubEvent,
} from '@rc/orchestrator-core';
import {
  checkPermission,
  loadRoleSources,
  resolveGatePolicy,
  type GitHubPermissionApi,
  type PermissionDecision,
} from '@rc/gate';
import { createActionsIo, getCollaboratorRole, getTeamMembershipState } from '@rc/github';
import type { CliIo } from '../cli-io';
import { githubFromEnv } from '../github-from-env';
import { loadConfig } from '../load-config';
import { readEvent } from '../read-event';

/** Options of `rc gate check`. */
export interface GateCheckOptions {
  eventPath?: string;
  eventName?: string;
  /** The config file; null: the defaults, already announced (see loadConfig). */
  config?: string | null;
  rolesFile?: string;
  json?: boolean;
}

/** `rc gate check`: exit 0 when the comment's author may command rc here, 1 when not. */
export async function gateCheck(options: GateCheckOptions, io: CliIo): Promise<number> {
  const { config, root } = await loadConfig(options.config, io);
  // gate.roles_file is relative to the config file; --roles-file to the working directory.
  const gate =
    options.rolesFile === undefined
      ? config.gate
      : { ...config.gate, roles_file: relative(root, resolve(io.cwd, options.rolesFile)) };
  const policy = resolveGatePolicy(gate, io.env);
  if (!policy.ok) throw new InvalidInputError('invalid gate policy:', { issues: policy.issues });
  const input = await readEvent(options, io);
  if (input.payload === null || typeof input.payload !== 'object' || Array.isArray(input.payload)) {
    throw new InvalidInputError(`${input.source} is not a JSON object`);
  }
  const event = parseGitHubEvent(input.payload, input.name);
  // A payload that is no comment (or dispatch) event is invalid input, not a denial.
  if (!event.ok) {
    throw new InvalidInputError(`${input.source} is not an event rc gate check can decide:`, {
      issues: event.issues.map((issue) => `event: ${issue}`),
    });
  }
  const decision = await decide(event.value, policy.value, root, io);
  await report(decision, options, io);
  return decision.allowed ? 0 : 1;
}

async function decide(
  event: GitHubEvent,
  policy: Parameters<typeof checkPermission>[0]['policy'],
  root: string,
  io: CliIo,
) {
  const repository = {
    owner: event.payload.repository.owner.login,
    repo: event.payload.repository.name,
  };
  const client = githubFromEnv(io.env, policy.apiTimeoutMs);
  const api: GitHubPermissionApi | undefined =
    client === null
      ? undefined
      : {
          getCollaboratorRole: (params) => getCollaboratorRole(client, params),
          getTeamMembershipState: (params) => getTeamMembershipState(client, params),
        };
  const sources = await loadRoleSources({
    policy,
    repository,
    env: io.env,
    readFile: (path) => readFile(resolve(root, path), 'utf8'),
    ...(api === undefined ? {} : { api }),
  });
  if (!sources.ok) throw new InvalidInputError('invalid roles:', { issues: sources.issues });
  return checkPermission({ event, policy, sources: sources.value });
}

async function report(
  decision: PermissionDecision,
  options: GateCheckOptions,
  io: CliIo,
): Promise<void> {
  const actor = decision.actor ?? 'unknown author';
  const line = decision.allowed
    ? `rc gate: allowed ${actor} (${decision.reasons.join('; ')})`
    : `rc gate: ${decision.ignored ? 'ignored' : 'denied'} ${actor}: ${decision.reasons.join('; ')}`;
  io.stderr.write(`${line.replace(/\s+/g, ' ')}\n`);
  if (options.json) {
    const { allowed, actor: who, role, source, reasons } = decision;
    io.stdout.write(canonicalJson({ allowed, actor: who, role, source, reasons }));
  }
  // No `::add-mask::` for the token: the runner masks `secrets.*` and `github.token` already,
  // and the command would print the token in clear (see redacting-io.ts).
  const actions = createActionsIo({ env: io.env });
  if (!actions.inActions) return;
  actions.setOutput('allowed', String(decision.allowed));
  actions.setOutput('actor', decision.actor ?? '');
  actions.setOutput('role', decision.role ?? '');
  await actions.appendSummary(
    `- rc gate: **${decision.allowed ? 'allowed' : 'denied'}** ${markdownCodeSpan(actor)}${decision.role ? ` (${escapeMarkdown(decision.role)})` : ''}: ${escapeMarkdown(decision.reasons.join('; '))}\n`,
  );
}

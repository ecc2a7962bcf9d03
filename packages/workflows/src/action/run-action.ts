import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  canonicalJson,
  createRedactor,
  markdownCodeSpan,
  parseGitHubEvent,
  type Clock,
  type OrchestrationConfig,
} from '@rc/orchestrator-core';
import { checkPermission, loadRoleSources, resolveGatePolicy } from '@rc/gate';
import { planFromEvent, runDispatch, toDispatchEvent } from '@rc/dispatch';
import {
  addReaction,
  createActionsIo,
  createGitHubClient,
  dispatchWorkflow,
  getCollaboratorRole,
  getIssueLabels,
  getTeamMembershipState,
  githubApiUrlFromEnv,
  type GitHubClient,
  type ReactionContent,
} from '@rc/github';
import { InvalidInputError } from '@rc/orchestrator-core';
import { readActionInputs, type ActionInputs } from './action-inputs';
import { loadActionConfig } from './load-action-config';

/** What the action touches outside itself, passed in so tests can drive it. */
export interface ActionIo {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  clock: Clock;
  /** The step's stdout: workflow commands (`::add-mask::`) only. */
  stdout: { write(text: string): unknown };
  /** Human-readable progress lines (redacted). */
  stderr: { write(text: string): unknown };
}

/**
 * The action's entry: the gate, then (mode dispatch) the one dispatch pipeline of @rc/dispatch,
 * exactly as `rc gate check` followed by `rc orchestrator dispatch`. Returns the exit code: 0
 * allowed and dispatched (or recorded, a duplicate, a dry run), 1 denied or failed; invalid
 * input throws an rc error (exit 2).
 */
export async function runAction(io: ActionIo): Promise<number> {
  const inputs = readActionInputs(io.env);
  const env = { ...io.env, ...overrides(inputs), ORCHESTRATOR_BOT_TOKEN: inputs.token };
  const redactor = createRedactor({ env });
  const say = (text: string) => io.stderr.write(`${redactor.redact(text)}\n`);
  const actions = createActionsIo({ env, redactor, stdout: io.stdout });
  if (inputs.token !== '') actions.mask(inputs.token);
  const loaded = loadActionConfig(inputs.config, io.cwd);
  const config = withOverrides(loaded.config, inputs);
  const policy = resolveGatePolicy(config.gate, env);
  if (!policy.ok)
    throw new InvalidInputError('invalid gate policy:', { issues: policy.issues.map(inputName) });
  const text = await readFile(resolve(io.cwd, inputs.eventPath), 'utf8');
  const payload = JSON.parse(text) as unknown;
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
    throw new InvalidInputError(`${inputs.eventPath} is not a JSON object`);
  const client = (timeoutMs: number | undefined) =>
    inputs.token === ''
      ? null
      : createGitHubClient({
          token: inputs.token,
          baseUrl: githubApiUrlFromEnv(io.env),
          ...(timeoutMs === undefined ? {} : { timeoutMs }),
        });
  const parsed = parseGitHubEvent(payload, io.env['GITHUB_EVENT_NAME']);
  // As `rc gate check`: a payload that is not an event the gate can decide is invalid input (2).
  if (!parsed.ok)
    throw new InvalidInputError(`${inputs.eventPath} is not an event rc gate check can decide:`, {
      issues: parsed.issues.map((issue) => `event: ${issue}`),
    });
  const event = parsed.value;
  const { repository } = event.payload;
  const owner = repository.owner.login;
  const repo = repository.name;
  const gateClient = client(policy.value.apiTimeoutMs);
  const sources = await loadRoleSources({
    policy: policy.value,
    repository: { owner, repo },
    env,
    // gate.roles_file is relative to the config file.
    readFile: (path) => readFile(resolve(loaded.root, path), 'utf8'),
    ...(gateClient === null
      ? {}
      : {
          api: {
            getCollaboratorRole: (params) => getCollaboratorRole(gateClient, params),
            getTeamMembershipState: (params) => getTeamMembershipState(gateClient, params),
          },
        }),
  });
  if (!sources.ok) throw new InvalidInputError('invalid roles:', { issues: sources.issues });
  const decision = await checkPermission({ event, policy: policy.value, sources: sources.value });
  const actor = decision.actor ?? 'unknown author';
  const commentId = event.name === 'issue_comment' ? event.payload.comment.id : 0;
  actions.setOutput('allowed', String(decision.allowed));
  actions.setOutput('actor', decision.actor ?? '');
  actions.setOutput('comment-id', commentId === 0 ? '' : String(commentId));
  await actions.appendSummary(
    `- rc gate: **${decision.allowed ? 'allowed' : 'denied'}** ${markdownCodeSpan(actor)}\n`,
  );
  const dispatchClient = client(Number(io.env['RC_GITHUB_TIMEOUT_MS'] ?? '') || undefined);
  const react = async (content: ReactionContent, id: number) => {
    if (dispatchClient !== null && inputs.reactions && id !== 0)
      await addReaction(dispatchClient, { owner, repo, commentId: id, content });
  };
  if (!decision.allowed) {
    const outcome = decision.ignored ? 'ignored' : 'denied';
    const reasons = decision.reasons.join('; ');
    if (!decision.ignored) await react('confused', commentId).catch(() => undefined);
    return refuse(actions, say, outcome, `rc gate: ${outcome} ${actor}: ${reasons}`, reasons);
  }
  say(`rc gate: allowed ${actor} (${decision.reasons.join('; ')})`);
  if (inputs.mode === 'gate') {
    actions.setOutput('outcome', 'allowed');
    return 0;
  }
  // The plan's prompts and artifacts are the config's paths: relative to its file.
  const planIo = { ...io, cwd: loaded.root };
  return dispatch({ io: planIo, inputs, config, env, event, dispatchClient, react, actions, say });
}

async function dispatch(run: {
  io: ActionIo;
  inputs: ActionInputs;
  config: OrchestrationConfig;
  env: Readonly<Record<string, string | undefined>>;
  event: Extract<ReturnType<typeof parseGitHubEvent>, { ok: true }>['value'];
  dispatchClient: GitHubClient | null;
  react: (content: ReactionContent, id: number) => Promise<void>;
  actions: ReturnType<typeof createActionsIo>;
  say: (text: string) => void;
}): Promise<number> {
  const { io, inputs, config, event, dispatchClient: gh, actions, say } = run;
  const owner = event.payload.repository.owner.login;
  const repo = event.payload.repository.name;
  const redactor = createRedactor({ env: run.env });
  const plan = await planFromEvent({
    event,
    config: config.dispatch,
    cwd: io.cwd,
    now: io.clock(),
    runId: inputs.runId || io.env['PHOENIX_RUN_ID'] || null,
    fetchTargetIssue: async (issueNumber) =>
      gh === null ? null : getIssueLabels(gh, { owner, repo, issueNumber }),
  });
  const result = await runDispatch({
    ...toDispatchEvent(event),
    plan,
    dir: resolve(io.cwd, config.dispatch.artifacts_dir),
    redactor,
    trigger: inputs.trigger,
    dryRun: inputs.dryRun,
    deliveryId: io.env['GITHUB_DELIVERY'] || null,
    fire: async (request) => {
      if (gh === null) return 'no token: set the token input';
      await dispatchWorkflow(gh, {
        owner,
        repo,
        workflowFile: request.plan.workflow.file,
        ref: request.plan.workflow.ref,
        inputs: request.inputs,
      });
      return null;
    },
    react: run.react,
    warn: (message, fields) => say(`rc dispatch: ${message} ${JSON.stringify(fields)}`),
  });
  const { envelope, outcome, reason } = result;
  actions.setOutput('outcome', outcome);
  actions.setOutput('issue', String(plan.issue.number));
  actions.setOutput('prompt', plan.prompt.path);
  actions.setOutput('run-id', plan.run_id);
  actions.setOutput('idempotency-key', envelope.idempotency_key);
  actions.setOutput('envelope', canonicalJson(redactor.redactValue(envelope)).trimEnd());
  if (reason !== null && outcome === 'failed') actions.setOutput('error-message', reason);
  say(`rc dispatch: ${outcome} run ${plan.run_id}${reason === null ? '' : `: ${reason}`}`);
  await actions.appendSummary(
    `- rc dispatch: **${outcome}** run ${markdownCodeSpan(plan.run_id)}\n`,
  );
  return outcome === 'failed' ? 1 : 0;
}

function refuse(
  actions: ReturnType<typeof createActionsIo>,
  say: (text: string) => void,
  outcome: 'denied' | 'ignored',
  line: string,
  reasons: string,
): number {
  actions.setOutput('allowed', 'false');
  actions.setOutput('outcome', outcome);
  actions.setOutput('error-message', reasons);
  say(line.replace(/\s+/g, ' '));
  return 1;
}

// The inputs that override the gate, as the environment variables resolveGatePolicy reads.
function overrides(inputs: ActionInputs): Record<string, string> {
  const env: Record<string, string> = {};
  if (inputs.allowedRoles !== null) env['ALLOWED_ROLES'] = inputs.allowedRoles;
  if (inputs.allowedUsers !== null) env['ALLOWED_USERS'] = inputs.allowedUsers;
  if (inputs.allowedTeams !== null) env['ALLOWED_TEAMS'] = inputs.allowedTeams;
  return env;
}

const INPUT_OF: Record<string, string> = {
  ALLOWED_ROLES: 'input allowed-roles',
  ALLOWED_USERS: 'input allowed-users',
  ALLOWED_TEAMS: 'input allowed-teams',
};

// A policy problem names the input the user set, not the variable it travelled in.
function inputName(issue: string): string {
  const variable = /^([A-Z_]+):/.exec(issue)?.[1] ?? '';
  return INPUT_OF[variable] === undefined
    ? issue
    : `${INPUT_OF[variable]}${issue.slice(variable.length)}`;
}

// `required-label` and `allow-edits` replace their config values; `none` means no label.
function withOverrides(config: OrchestrationConfig, inputs: ActionInputs): OrchestrationConfig {
  const label = inputs.requiredLabel;
  const required = label === null ? {} : { required_label: label === 'none' ? null : label };
  const edits = inputs.allowEdits === null ? {} : { allow_edited: inputs.allowEdits };
  return {
    ...config,
    gate: { ...config.gate, ...required, ...edits },
    dispatch: { ...config.dispatch, ...required },
  };
}

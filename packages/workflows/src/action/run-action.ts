import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  commandFromEvent,
  createRedactor,
  InvalidInputError,
  loadOrchestrationConfig,
  markdownCodeSpan,
  parseGitHubEvent,
  parseOrchestrationConfig,
  type Clock,
  type OrchestrationConfig,
} from '@rc/orchestrator-core';
import { checkPermission, loadRoleSources, resolveGatePolicy } from '@rc/gate';
import {
  appendDispatchLog,
  buildEnvelope,
  envelopeWorkflowInput,
  findPriorDispatch,
  listPromptFiles,
  planDispatch,
  planErrorToRcError,
  readDispatchLog,
  toDispatchEvent,
  writeEnvelopeArtifact,
  writePlanArtifact,
} from '@rc/dispatch';
import {
  createActionsIo,
  createGitHubClient,
  dispatchWorkflow,
  getCollaboratorRole,
  getIssueLabels,
  getTeamMembershipState,
  githubApiUrlFromEnv,
} from '@rc/github';
import { parse as parseYaml } from 'yaml';
import { readActionInputs } from './action-inputs';

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
 * The action's entry: the gate, then (mode dispatch) plan, record and trigger, exactly once per
 * comment. Returns the exit code: 0 allowed and dispatched, 1 denied or failed, 2 invalid input.
 */
export async function runAction(io: ActionIo): Promise<number> {
  const inputs = readActionInputs(io.env);
  const env = { ...io.env, ORCHESTRATOR_BOT_TOKEN: inputs.token };
  const redactor = createRedactor({ env });
  const say = (text: string) => io.stderr.write(`${redactor.redact(text)}\n`);
  const actions = createActionsIo({ env, redactor, stdout: io.stdout });
  if (inputs.token !== '') actions.mask(inputs.token);
  const config = await loadConfig(inputs.config, io.cwd);
  const payload = JSON.parse(await readFile(resolve(io.cwd, inputs.eventPath), 'utf8')) as unknown;
  const parsed = parseGitHubEvent(payload, io.env['GITHUB_EVENT_NAME']);
  if (!parsed.ok)
    throw new InvalidInputError('not a valid GitHub event:', { issues: parsed.issues });
  const event = parsed.value;
  const { repository } = event.payload;
  const client =
    inputs.token === ''
      ? null
      : createGitHubClient({ token: inputs.token, baseUrl: githubApiUrlFromEnv(io.env) });
  const policy = resolveGatePolicy(config.gate, io.env);
  if (!policy.ok) throw new InvalidInputError('invalid gate policy:', { issues: policy.issues });
  const sources = await loadRoleSources({
    policy: policy.value,
    repository: { owner: repository.owner.login, repo: repository.name },
    env: io.env,
    readFile: (path) => readFile(resolve(io.cwd, path), 'utf8'),
    ...(client === null
      ? {}
      : {
          api: {
            getCollaboratorRole: (params) => getCollaboratorRole(client, params),
            getTeamMembershipState: (params) => getTeamMembershipState(client, params),
          },
        }),
  });
  if (!sources.ok) throw new InvalidInputError('invalid roles:', { issues: sources.issues });
  const decision = await checkPermission({ event, policy: policy.value, sources: sources.value });
  actions.setOutput('allowed', String(decision.allowed));
  actions.setOutput('actor', decision.actor ?? '');
  say(
    `rc gate: ${decision.allowed ? 'allowed' : 'denied'} ${decision.actor ?? 'unknown'}: ${decision.reasons.join('; ')}`,
  );
  await actions.appendSummary(
    `- rc gate: **${decision.allowed ? 'allowed' : 'denied'}** ${markdownCodeSpan(decision.actor ?? 'unknown')}\n`,
  );
  if (!decision.allowed) return 1;
  if (inputs.mode === 'gate') return 0;

  const command = commandFromEvent(event, {
    command: config.dispatch.command,
    staticArgs: config.dispatch.static_args,
  });
  if (!command.ok) throw new InvalidInputError(`not a valid command: ${command.error.message}`);
  const commented = event.name === 'issue_comment' ? event.payload.issue.number : null;
  const targetIssue =
    commented === command.value.issue_number ||
    config.dispatch.required_label === null ||
    client === null
      ? null
      : await getIssueLabels(client, {
          owner: repository.owner.login,
          repo: repository.name,
          issueNumber: command.value.issue_number,
        });
  const planned = planDispatch({
    ...toDispatchEvent(event),
    command: command.value,
    config: config.dispatch,
    prompts: await listPromptFiles(resolve(io.cwd, config.dispatch.prompts_dir)),
    now: io.clock(),
    runId: inputs.runId || io.env['PHOENIX_RUN_ID'] || null,
    targetIssue,
  });
  if (!planned.ok) throw planErrorToRcError(planned.error);
  const plan = planned.value;
  const dir = resolve(io.cwd, config.dispatch.artifacts_dir);
  const envelope = buildEnvelope({
    ...toDispatchEvent(event),
    plan,
    deliveryId: io.env['GITHUB_DELIVERY'] || null,
  });
  actions.setOutput('run-id', plan.run_id);
  actions.setOutput('idempotency-key', envelope.idempotency_key);
  const entry = {
    run_id: plan.run_id,
    idempotency_key: envelope.idempotency_key,
    issue_number: plan.issue.number,
    prompt: plan.prompt.name,
    workflow: plan.workflow.name,
    trigger: inputs.trigger,
    phoenix_timestamp: plan.phoenix_timestamp,
  };
  const prior = findPriorDispatch((await readDispatchLog(dir)).entries, envelope.idempotency_key);
  if (prior !== null) {
    const reason = `duplicate of run ${prior.run_id} (same comment); nothing triggered`;
    await appendDispatchLog({ dir, entry: { ...entry, outcome: 'duplicate', reason }, redactor });
    actions.setOutput('outcome', 'duplicate');
    say(`rc dispatch: ${reason}`);
    return 0;
  }
  await writePlanArtifact({ dir, plan, redactor });
  await writeEnvelopeArtifact({ dir, envelope, redactor });
  let outcome: 'recorded' | 'dispatched' | 'failed' = 'recorded';
  let reason: string | null = null;
  if (inputs.trigger === 'github') {
    const [owner = '', repo = ''] = plan.repository.split('/');
    try {
      if (client === null) throw new Error('no token: set the token input');
      await dispatchWorkflow(client, {
        owner,
        repo,
        workflowFile: plan.workflow.file,
        ref: plan.workflow.ref,
        // Redacted exactly as the artifacts are: what leaves rc holds no more than what it writes.
        inputs: {
          ...redactor.redactValue(plan.workflow.inputs),
          envelope: envelopeWorkflowInput(envelope, redactor),
        },
      });
      outcome = 'dispatched';
    } catch (error) {
      outcome = 'failed';
      reason = error instanceof Error ? error.message : String(error);
    }
  }
  await appendDispatchLog({ dir, entry: { ...entry, outcome, reason }, redactor });
  actions.setOutput('outcome', outcome);
  say(`rc dispatch: ${outcome} run ${plan.run_id}${reason === null ? '' : `: ${reason}`}`);
  await actions.appendSummary(
    `- rc dispatch: **${outcome}** run ${markdownCodeSpan(plan.run_id)}\n`,
  );
  return outcome === 'failed' ? 1 : 0;
}

async function loadConfig(path: string, cwd: string): Promise<OrchestrationConfig> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path || 'orchestration.yaml'), 'utf8');
  } catch (error) {
    const defaults = parseOrchestrationConfig({});
    if (path === '' && defaults.ok) return defaults.value;
    throw new InvalidInputError(`cannot read config ${path}`, { cause: error });
  }
  const result = loadOrchestrationConfig(text, { parseYaml, source: path || 'orchestration.yaml' });
  if (!result.ok) throw new InvalidInputError('invalid config:', { issues: result.issues });
  return result.value;
}

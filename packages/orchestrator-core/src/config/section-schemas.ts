import * as z from 'zod/mini';

// The `gate`, `dispatch` and `loop` sections of orchestration.yaml (the others have files of their own).

/** Repository roles from least to most privileged; a role allows itself and every role above it. */
export const REPOSITORY_ROLES = ['read', 'triage', 'write', 'maintain', 'admin'] as const;
export type RepositoryRole = (typeof REPOSITORY_ROLES)[number];

const nonEmpty = z.string().check(z.minLength(1));
const label = z.string().check(z.minLength(1), z.maxLength(50));
const commandName = z.string().check(z.regex(/^[a-z][a-z0-9-]*$/));

/** `gate`: who may command rc, and where. */
export const GateConfigSchema = z.lazy(() =>
  z.strictObject({
    command: z._default(commandName, 'orchestrate'),
    allowed_roles: z._default(z.array(z.enum(REPOSITORY_ROLES)).check(z.minLength(1)), ['triage']),
    allowed_users: z._default(z.array(nonEmpty), []),
    allowed_teams: z._default(
      z.array(
        z
          .string()
          .check(z.regex(/^([A-Za-z0-9_.-]+\/)?[A-Za-z0-9_.-]+$/, 'expected org/team-slug')),
      ),
      // No team grants access unless the file names one: the gate fails closed.
      [],
    ),
    allowed_bots: z._default(z.array(nonEmpty), []),
    // null (the default) or `""` means no label, as REQUIRED_LABEL="" does.
    required_label: z._default(z.nullable(z.union([label, z.literal('')])), null),
    allow_edited: z._default(z.boolean(), false),
    contexts: z._default(z.array(z.enum(['issue', 'pull_request'])).check(z.minLength(1)), [
      'issue',
    ]),
    roles_file: z._default(z.nullable(nonEmpty), null),
    role_sources: z._default(z.array(z.enum(['roles-file', 'env', 'api'])).check(z.minLength(1)), [
      'roles-file',
      'env',
      'api',
    ]),
    api_timeout_ms: z._default(z.number().check(z.int(), z.positive(), z.maximum(60_000)), 5_000),
  }),
);

/** `dispatch`: how an `/orchestrate` command becomes a plan and a workflow run. */
export const DispatchConfigSchema = z.lazy(() =>
  z.strictObject({
    command: z._default(commandName, 'orchestrate'),
    static_args: z._default(z.string().check(z.maxLength(1024)), ''),
    // Where `rc workflows init` puts the starter prompt.
    prompts_dir: z._default(nonEmpty, 'prompts/orchestrator'),
    prompt_map: z._default(
      z.record(z.string().check(z.regex(/^[1-9][0-9]*$/, 'expected an issue number')), nonEmpty),
      {},
    ),
    workflow: z._default(z.string().check(z.regex(/^[A-Za-z0-9_.-]+$/)), 'orchestrator-runner'),
    ref: z._default(nonEmpty, 'main'),
    required_label: z._default(z.nullable(label), null),
    local_command: z._default(z.nullable(nonEmpty), null),
    artifacts_dir: z._default(nonEmpty, 'artifacts/orchestrator'),
    max_text_length: z._default(z.number().check(z.int(), z.positive(), z.maximum(65_536)), 2_000),
  }),
);

const promptName = z
  .string()
  .check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'expected a prompt name'));
const seconds = z.number().check(z.positive());
/** What an agent may do: read the tree, edit files in it, or anything the user may do. */
export const AGENT_PERMISSIONS = ['read-only', 'edit', 'full'] as const;
export type AgentPermission = (typeof AGENT_PERMISSIONS)[number];
const loopAgent = (permissions: AgentPermission) =>
  z.strictObject({
    preset: z._default(z.enum(['codex', 'claude', 'gemini', 'custom']), 'codex'),
    command: z._default(z.nullable(nonEmpty), null),
    // The supervisor only reads by default; the worker edits the working tree.
    permissions: z._default(z.enum(AGENT_PERMISSIONS), permissions),
  });
const loopActor = (prompt: string, permissions: AgentPermission) => {
  const agent = loopAgent(permissions);
  return z._default(
    z.strictObject({
      prompt: z._default(promptName, prompt),
      prompts: z._default(z.array(promptName), []),
      agent: z._default(agent, () => agent.parse({})),
    }),
    () => ({ prompt, prompts: [], agent: agent.parse({}) }),
  );
};
const loopObject = <S extends z.core.$ZodLooseShape>(shape: S) => {
  const schema = z.strictObject(shape);
  // Generic shapes defeat zod's NoUndefined inference; parse({}) is the defaults-filled output.
  return z._default(schema, () => schema.parse({}) as never);
};

/** `loop`: the supervisor (galph) / worker (ralph) prompt loop of `rc loop run`. */
export const LoopConfigSchema = z.lazy(() =>
  z.strictObject({
    prompts_dir: z._default(nonEmpty, 'prompts'),
    logs_dir: z._default(nonEmpty, 'logs'),
    completion_marker: z._default(nonEmpty, 'RC_DONE'),
    actors: loopObject({
      galph: loopActor('supervisor', 'read-only'),
      ralph: loopActor('main', 'edit'),
    }),
    router: loopObject({
      enabled: z._default(z.boolean(), false),
      prompt: z._default(promptName, 'router'),
      allowlist: z._default(z.array(promptName), []),
    }),
    review: loopObject({
      prompt: z._default(promptName, 'reviewer'),
      every: z._default(z.number().check(z.int(), z.minimum(0)), 0),
      actor: z._default(z.enum(['galph', 'ralph']), 'galph'),
    }),
    limits: loopObject({
      max_iterations: z._default(z.number().check(z.int(), z.positive()), 10),
      turn_timeout_s: z._default(seconds, 3600),
      idle_timeout_s: z._default(z.nullable(seconds), 900),
      total_time_s: z._default(z.nullable(seconds), null),
      // Budget of the whole loop, from the usage the agents report; null means no limit.
      max_cost_usd: z._default(z.nullable(z.number().check(z.positive())), null),
      max_tokens: z._default(z.nullable(z.number().check(z.int(), z.positive())), null),
    }),
    sync: loopObject({
      mode: z._default(z.enum(['none', 'git']), 'none'),
      remote: z._default(nonEmpty, 'origin'),
      branch: z._default(nonEmpty, 'main'),
      state_path: z._default(nonEmpty, 'sync/state.json'),
      pull_strategy: z._default(z.enum(['rebase', 'reset']), 'rebase'),
      poll_interval_s: z._default(seconds, 30),
    }),
  }),
);

export type GateConfig = z.output<typeof GateConfigSchema>;
export type DispatchConfig = z.output<typeof DispatchConfigSchema>;
export type LoopConfig = z.output<typeof LoopConfigSchema>;

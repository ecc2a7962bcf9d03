import * as z from 'zod';

/** Repository roles from least to most privileged; a role allows itself and every role above it. */
export const REPOSITORY_ROLES = ['read', 'triage', 'write', 'maintain', 'admin'] as const;
export type RepositoryRole = (typeof REPOSITORY_ROLES)[number];

const label = z.string().min(1).max(50);

/** `gate`: who may command rc, and where. */
export const GateConfigSchema = z.strictObject({
  command: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .default('orchestrate'),
  allowed_roles: z.array(z.enum(REPOSITORY_ROLES)).min(1).default(['triage']),
  allowed_users: z.array(z.string().min(1)).default([]),
  allowed_teams: z
    .array(z.string().regex(/^([A-Za-z0-9_.-]+\/)?[A-Za-z0-9_.-]+$/, 'expected org/team-slug'))
    .default(['releasecopilot-maintainers']),
  allowed_bots: z.array(z.string().min(1)).default([]),
  required_label: label.nullable().default('wave:wave2'),
  allow_edited: z.boolean().default(false),
  contexts: z
    .array(z.enum(['issue', 'pull_request']))
    .min(1)
    .default(['issue']),
  roles_file: z.string().min(1).nullable().default(null),
  role_sources: z
    .array(z.enum(['roles-file', 'env', 'api']))
    .min(1)
    .default(['roles-file', 'env', 'api']),
  api_timeout_ms: z.number().int().positive().max(60_000).default(5_000),
});

/** `dispatch`: how an `/orchestrate` command becomes a plan and a workflow run. */
export const DispatchConfigSchema = z.strictObject({
  command: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .default('orchestrate'),
  static_args: z.string().max(1024).default(''),
  prompts_dir: z.string().min(1).default('project/prompts/wave2'),
  prompt_map: z
    .record(z.string().regex(/^[1-9][0-9]*$/, 'expected an issue number'), z.string().min(1))
    .default({}),
  workflow: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/)
    .default('orchestrator-runner'),
  ref: z.string().min(1).default('main'),
  required_label: label.nullable().default('wave:wave2'),
  local_command: z.string().min(1).nullable().default(null),
  artifacts_dir: z.string().min(1).default('artifacts/orchestrator'),
  max_text_length: z.number().int().positive().max(65_536).default(2_000),
});

// Sections that later work fills in; until then any mapping is accepted as it is.
const reservedSection = z.looseObject({}).default({});

/** The whole `orchestration.yaml`. Unknown top-level sections are an error, to catch typos. */
export const OrchestrationConfigSchema = z.strictObject({
  version: z.literal(1).default(1),
  gate: GateConfigSchema.default(GateConfigSchema.parse({})),
  dispatch: DispatchConfigSchema.default(DispatchConfigSchema.parse({})),
  loop: reservedSection,
  playbook: reservedSection,
  promotion: reservedSection,
});

export type OrchestrationConfig = z.output<typeof OrchestrationConfigSchema>;
export type OrchestrationConfigInput = z.input<typeof OrchestrationConfigSchema>;
export type GateConfig = z.output<typeof GateConfigSchema>;
export type DispatchConfig = z.output<typeof DispatchConfigSchema>;

import * as z from 'zod/mini';

const nonEmpty = z.string().check(z.minLength(1));
const skill = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'expected a skill name'));

/** Agent CLIs rc knows how to hand an execution card to; `custom` runs `agent.command`. */
export const AGENT_PRESETS = ['codex', 'claude', 'gemini', 'custom'] as const;
export type AgentPreset = (typeof AGENT_PRESETS)[number];

/** `playbook`: parallel dispatch of a master plan, its evidence ledger and re-planning. */
export const PlaybookConfigSchema = z.lazy(() =>
  z.strictObject({
    // How many agents run at once; scopes never overlap among them.
    concurrency: z._default(z.number().check(z.int(), z.positive(), z.maximum(64)), 2),
    agent: z._default(
      z.strictObject({
        preset: z._default(z.enum(AGENT_PRESETS), 'codex'),
        // Command template for `custom` (no shell); gets the card on stdin, its path in $RC_CARD_FILE and {prompt_file}.
        command: z._default(z.nullable(nonEmpty), null),
        timeout_ms: z._default(z.number().check(z.int(), z.positive()), 30 * 60_000),
        // What the agent may do: the playbook's agents change files, so `edit` by default.
        permissions: z._default(z.enum(['read-only', 'edit', 'full']), 'edit'),
      }),
      () => ({
        preset: 'codex' as const,
        command: null,
        timeout_ms: 30 * 60_000,
        permissions: 'edit' as const,
      }),
    ),
    // Budget of one playbook run, from the usage the agents report; null means no limit.
    limits: z._default(
      z.strictObject({
        max_cost_usd: z._default(z.nullable(z.number().check(z.positive())), null),
        max_tokens: z._default(z.nullable(z.number().check(z.int(), z.positive())), null),
      }),
      () => ({ max_cost_usd: null, max_tokens: null }),
    ),
    // Branch passed work is squash-merged into; null means the branch checked out at start.
    integration_branch: z._default(z.nullable(nonEmpty), null),
    state_dir: z._default(nonEmpty, '.orchestrator'),
    // Output that marks an agent error no retry can fix (quota, authentication): stop the batch.
    terminal_error_patterns: z._default(z.array(nonEmpty), [
      'quota exceeded',
      'insufficient_quota',
      'rate limit',
      'unauthorized',
      'authentication failed',
      'invalid api key',
      'not logged in',
    ]),
    skills: z._default(
      z.strictObject({
        debug: z._default(skill, 'debug-troubleshooter'),
        requirements: z._default(skill, 'requirements-analyst'),
        architect: z._default(skill, 'solution-architect'),
        release: z._default(skill, 'release-devops'),
      }),
      () => ({
        debug: 'debug-troubleshooter',
        requirements: 'requirements-analyst',
        architect: 'solution-architect',
        release: 'release-devops',
      }),
    ),
    replan: z._default(
      z.strictObject({
        on_partial: z._default(z.enum(['split', 'debug', 'stop']), 'split'),
        on_fail: z._default(z.enum(['debug', 'stop']), 'debug'),
        // How many re-planning steps may follow one planned task (split of a split, ...).
        max_depth: z._default(z.number().check(z.int(), z.minimum(0), z.maximum(5)), 2),
        // Run the tasks re-planning opens in the same run, or only record them in the ledger.
        redispatch: z._default(z.boolean(), true),
        // Changed paths (globs) that raise release risk: release skill first, merges held.
        release_risk_paths: z._default(z.array(nonEmpty), [
          '.github/workflows/**',
          '**/package-lock.json',
        ]),
      }),
      () => ({
        on_partial: 'split' as const,
        on_fail: 'debug' as const,
        max_depth: 2,
        redispatch: true,
        release_risk_paths: ['.github/workflows/**', '**/package-lock.json'],
      }),
    ),
  }),
);

export type PlaybookConfig = z.output<typeof PlaybookConfigSchema>;

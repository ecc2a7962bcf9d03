import type { DispatchConfig, GateConfig, LoopConfig } from './section-schemas';
import type { PlaybookConfig } from './playbook-config';
import type { PromotionConfig } from './promotion-config';

/**
 * What each section of `orchestration.yaml` is when the file leaves it out, written out rather
 * than computed with `<Section>ConfigSchema.parse({})`: most files name one or two sections, and
 * a section left out then never builds its schema. Each call returns a fresh copy. The test beside
 * this file holds every value equal to its schema's own defaults, key order included.
 */
export const sectionDefaults = {
  gate: (): GateConfig => ({
    command: 'orchestrate',
    allowed_roles: ['triage'],
    allowed_users: [],
    allowed_teams: [],
    allowed_bots: [],
    required_label: null,
    allow_edited: false,
    contexts: ['issue'],
    roles_file: null,
    role_sources: ['roles-file', 'env', 'api'],
    api_timeout_ms: 5_000,
  }),
  dispatch: (): DispatchConfig => ({
    command: 'orchestrate',
    static_args: '',
    prompts_dir: 'prompts/orchestrator',
    prompt_map: {},
    workflow: 'orchestrator-runner',
    ref: 'main',
    required_label: null,
    local_command: null,
    artifacts_dir: 'artifacts/orchestrator',
    max_text_length: 2_000,
  }),
  loop: (): LoopConfig => ({
    prompts_dir: 'prompts',
    logs_dir: 'logs',
    completion_marker: 'RC_DONE',
    actors: {
      galph: {
        prompt: 'supervisor',
        prompts: [],
        agent: { preset: 'codex', command: null, permissions: 'read-only' },
      },
      ralph: {
        prompt: 'main',
        prompts: [],
        agent: { preset: 'codex', command: null, permissions: 'edit' },
      },
    },
    router: { enabled: false, prompt: 'router', allowlist: [] },
    review: { prompt: 'reviewer', every: 0, actor: 'galph' },
    limits: {
      max_iterations: 10,
      turn_timeout_s: 3600,
      idle_timeout_s: 900,
      total_time_s: null,
      max_cost_usd: null,
      max_tokens: null,
    },
    sync: {
      mode: 'none',
      remote: 'origin',
      branch: 'main',
      state_path: 'sync/state.json',
      pull_strategy: 'rebase',
      poll_interval_s: 30,
    },
  }),
  playbook: (): PlaybookConfig => ({
    concurrency: 2,
    agent: { preset: 'codex', command: null, timeout_ms: 30 * 60_000, permissions: 'edit' },
    limits: { max_cost_usd: null, max_tokens: null },
    integration_branch: null,
    state_dir: '.orchestrator',
    terminal_error_patterns: [
      'quota exceeded',
      'insufficient_quota',
      'rate limit',
      'unauthorized',
      'authentication failed',
      'invalid api key',
      'not logged in',
    ],
    skills: {
      debug: 'debug-troubleshooter',
      requirements: 'requirements-analyst',
      architect: 'solution-architect',
      release: 'release-devops',
    },
    replan: {
      on_partial: 'split',
      on_fail: 'debug',
      max_depth: 2,
      redispatch: true,
      release_risk_paths: ['.github/workflows/**', '**/package-lock.json'],
    },
  }),
  promotion: (): PromotionConfig => ({
    stages: ['canary', 'stable'],
    signals_file: 'artifacts/promotion/signals.json',
    thresholds: [
      { metric: 'pass_rate', min: 0.95, on_breach: 'hold' },
      { metric: 'error_rate', max: 0.01, on_breach: 'rollback' },
    ],
    governance: {
      allowed_actors: [],
      required_approvals: 0,
      require_change_ticket: false,
      change_ticket_pattern: '^[A-Z][A-Z0-9]+-[0-9]+$',
      require_intent: true,
      change_windows: [],
      rollback_outside_windows: true,
    },
    applier: { command: [], forward_args: true, timeout_ms: 600_000 },
    state_file: '.rc/promotion-state.json',
    artifacts_dir: 'artifacts/promotion',
  }),
};

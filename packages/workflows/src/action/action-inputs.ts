import { InvalidInputError } from '@rc/orchestrator-core';

/** The inputs of rc's GitHub Action (action.yml), read from the runner's INPUT_* variables. */
export interface ActionInputs {
  /** Role lookups, reactions and workflow_dispatch. @default '${{ github.token }}' */
  token: string;
  /** The event JSON. @default $GITHUB_EVENT_PATH */
  eventPath: string;
  /** orchestration.yaml; "" means ./orchestration.yaml when present, else defaults. @default '' */
  config: string;
  /** `gate` only, or `dispatch` (gate, then dispatch). @default 'dispatch' */
  mode: 'gate' | 'dispatch';
  /** `github` (workflow_dispatch) or `none` (record only). @default 'github' */
  trigger: 'github' | 'none';
  /** The run id; "" takes $PHOENIX_RUN_ID, then the clock. @default '' */
  runId: string;
  /** Comma lists overriding gate.allowed_roles/users/teams; null keeps the config. @default null */
  allowedRoles: string | null;
  allowedUsers: string | null;
  allowedTeams: string | null;
  /** Overrides gate and dispatch `required_label`; `none` means no label. @default null */
  requiredLabel: string | null;
  /** Overrides gate.allow_edited. @default null */
  allowEdits: boolean | null;
  /** Eyes on receipt, rocket on dispatch, confused on refusal or failure. @default true */
  reactions: boolean;
  /** Decide and report only: write nothing, trigger nothing. @default false */
  dryRun: boolean;
}

/** Reads the action's inputs the way the runner passes them: INPUT_<NAME>, name upper-cased. */
export function readActionInputs(env: Readonly<Record<string, string | undefined>>): ActionInputs {
  const input = (name: string) => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
  const optional = (name: string) => input(name) || null;
  const mode = input('mode') || 'dispatch';
  const trigger = input('trigger') || 'github';
  if (mode !== 'gate' && mode !== 'dispatch')
    throw new InvalidInputError(`input mode: "${mode}" is not one of gate, dispatch`);
  if (trigger !== 'github' && trigger !== 'none')
    throw new InvalidInputError(`input trigger: "${trigger}" is not one of github, none`);
  const eventPath = input('event-path') || env['GITHUB_EVENT_PATH'] || '';
  if (eventPath === '')
    throw new InvalidInputError('input event-path: no event (GITHUB_EVENT_PATH is unset)');
  return {
    token: input('token'),
    eventPath,
    config: input('config'),
    mode,
    trigger,
    runId: input('run-id'),
    allowedRoles: optional('allowed-roles'),
    allowedUsers: optional('allowed-users'),
    allowedTeams: optional('allowed-teams'),
    requiredLabel: optional('required-label'),
    allowEdits: flag(input('allow-edits'), 'allow-edits', null),
    reactions: flag(input('reactions'), 'reactions', true) ?? true,
    dryRun: flag(input('dry-run'), 'dry-run', false) ?? false,
  };
}

// The spellings GitHub's own boolean inputs accept, plus on/off.
function flag<T extends boolean | null>(text: string, name: string, empty: T): boolean | T {
  const value = text.toLowerCase();
  if (value === '') return empty;
  if (value === 'true' || value === 'on' || value === 'yes') return true;
  if (value === 'false' || value === 'off' || value === 'no') return false;
  throw new InvalidInputError(`input ${name}: "${text}" is not true or false`);
}

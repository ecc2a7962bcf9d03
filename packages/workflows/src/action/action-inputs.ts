import { InvalidInputError } from '@rc/orchestrator-core';

/** The inputs of rc's GitHub Action (action.yml), read from the runner's INPUT_* variables. */
export interface ActionInputs {
  /** ORCHESTRATOR_BOT_TOKEN: role lookups and workflow_dispatch. */
  token: string;
  /** The event JSON. @default $GITHUB_EVENT_PATH */
  eventPath: string;
  /** orchestration.yaml; "" means ./orchestration.yaml when present. @default '' */
  config: string;
  /** `gate` only, or `dispatch` (gate, then dispatch). @default 'dispatch' */
  mode: 'gate' | 'dispatch';
  /** `github` (workflow_dispatch) or `none` (record only). @default 'github' */
  trigger: 'github' | 'none';
  /** The run id; "" takes $PHOENIX_RUN_ID, then the clock. @default '' */
  runId: string;
}

/** Reads the action's inputs the way the runner passes them: INPUT_<NAME>, name upper-cased. */
export function readActionInputs(env: Readonly<Record<string, string | undefined>>): ActionInputs {
  const input = (name: string) => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
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
  };
}

import { resolve } from 'node:path';
import { canonicalJson, formatRunId, InvalidInputError } from '@rc/orchestrator-core';
import type { CliIo } from '../cli-io';
import { loadConfig } from '../load-config';
import { gateCheck } from './gate-check';
import { orchestratorDispatch } from './orchestrator-dispatch';
import { startStandIn, type StandIn } from './simulate-stand-in';

/** Options of `rc simulate`. */
export interface SimulateOptions {
  event: string;
  payload: string;
  token?: string;
  config?: string;
  trigger?: string;
  role: string;
  team?: string[];
  label?: string[];
  json?: boolean;
}

const EVENTS = ['issue_comment', 'workflow_dispatch'];

/**
 * `rc simulate`: the runner job's steps on this machine, in the workflow's order: Phoenix run id
 * and TZ, gate, then dispatch. With --token, every GitHub call goes to a stand-in on 127.0.0.1.
 */
export async function simulateRun(options: SimulateOptions, io: CliIo): Promise<number> {
  if (!EVENTS.includes(options.event))
    throw new InvalidInputError(`--event: "${options.event}" is not one of ${EVENTS.join(', ')}`);
  const config = await loadConfig(options.config, io);
  const trigger = options.trigger ?? (config.dispatch.local_command === null ? 'none' : 'local');
  if (trigger === 'github' && options.token === undefined)
    throw new InvalidInputError('--trigger github needs --token (it talks to the local stand-in)');
  const standIn =
    options.token === undefined
      ? null
      : await startStandIn({
          role: options.role,
          teams: options.team ?? [],
          labels: options.label ?? [],
        });
  try {
    return await steps(options, trigger, standIn, io);
  } finally {
    await standIn?.close();
  }
}

async function steps(
  options: SimulateOptions,
  trigger: string,
  standIn: StandIn | null,
  io: CliIo,
): Promise<number> {
  const runId = formatRunId(io.clock());
  const eventPath = resolve(io.cwd, options.payload);
  // The environment the workflow gives its steps; never the real GitHub, never Actions outputs.
  const env: CliIo['env'] = {
    ...io.env,
    TZ: 'America/Phoenix',
    PHOENIX_RUN_ID: runId,
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_ACTIONS: undefined,
    GITHUB_TOKEN: undefined,
    ORCHESTRATOR_BOT_TOKEN: options.token,
    GITHUB_API_URL: standIn?.url ?? io.env['GITHUB_API_URL'],
  };
  const stepIo: CliIo = { ...io, env, stdout: options.json ? { write: () => true } : io.stdout };
  const say = (text: string) => io.stderr.write(`rc simulate: ${text}\n`);
  say(`TZ=America/Phoenix PHOENIX_RUN_ID=${runId}`);
  if (standIn !== null) say(`GitHub REST stand-in at ${standIn.url}`);
  const common = {
    eventPath,
    eventName: options.event,
    ...(options.config === undefined ? {} : { config: options.config }),
  };
  say('step gate: rc gate check');
  const gate = await gateCheck(common, stepIo);
  let dispatch: number | null = null;
  if (gate === 0) {
    say(`step dispatch: rc orchestrator dispatch --trigger ${trigger}`);
    dispatch = await orchestratorDispatch({ ...common, runId, trigger }, stepIo);
  } else {
    say('gate said no: the dispatch step is skipped, as in the workflow');
  }
  for (const request of standIn?.requests ?? []) say(`stand-in: ${request}`);
  if (options.json)
    io.stdout.write(
      canonicalJson({
        run_id: runId,
        trigger,
        gate,
        dispatch,
        requests: standIn?.requests ?? [],
      }),
    );
  return dispatch ?? gate;
}

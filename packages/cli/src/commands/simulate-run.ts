import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { canonicalJson, formatRunId, InvalidInputError } from '@rc/orchestrator-core';
import type { CliIo } from '../cli-io';
import { loadConfig } from '../load-config';
import { commentEvent } from './_comment-event';
import { gateCheck } from './gate-check';
import { orchestratorDispatch } from './orchestrator-dispatch';
import { startStandIn, type StandIn } from './simulate-stand-in';

/** Options of `rc simulate`. */
export interface SimulateOptions {
  event: string;
  payload?: string;
  comment?: string;
  author: string;
  issue: string;
  repository: string;
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
  if ((options.payload === undefined) === (options.comment === undefined))
    throw new InvalidInputError('give either --payload FILE or --comment TEXT (exactly one)');
  if (options.comment !== undefined)
    return simulateComment({ ...options, comment: options.comment }, io);
  const { config, file } = await loadConfig(options.config, io);
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
    return await steps(options, file, trigger, standIn, io);
  } finally {
    await standIn?.close();
  }
}

// --comment: the event is written to a temporary file, as the runner has GITHUB_EVENT_PATH.
async function simulateComment(
  options: SimulateOptions & { comment: string },
  io: CliIo,
): Promise<number> {
  if (options.event !== 'issue_comment')
    throw new InvalidInputError('--comment builds an issue_comment event: leave out --event');
  if (!/^[1-9][0-9]{0,9}$/.test(options.issue))
    throw new InvalidInputError(`--issue: "${options.issue}" is not an issue number`);
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(options.repository))
    throw new InvalidInputError(`--repository: "${options.repository}" is not OWNER/REPO`);
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(options.author))
    throw new InvalidInputError(`--author: "${options.author}" is not a GitHub login`);
  const dir = mkdtempSync(join(tmpdir(), 'rc-simulate-'));
  try {
    const payload = join(dir, 'event.json');
    const event = commentEvent({
      body: options.comment,
      author: options.author,
      issue: Number(options.issue),
      labels: options.label ?? [],
      repository: options.repository,
      at: io.clock(),
    });
    writeFileSync(payload, `${JSON.stringify(event, null, 2)}\n`);
    return await simulateRun({ ...options, comment: undefined, payload }, io);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function steps(
  options: SimulateOptions,
  // The config found (or null: the defaults), said once: the steps read it without a word.
  configFile: string | null,
  trigger: string,
  standIn: StandIn | null,
  io: CliIo,
): Promise<number> {
  const runId = formatRunId(io.clock());
  const eventPath = resolve(io.cwd, options.payload ?? '');
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
  const common = { eventPath, eventName: options.event, config: configFile };
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

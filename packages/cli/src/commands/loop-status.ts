import { join } from 'node:path';
import { canonicalJson } from '@rc/orchestrator-core';
import { readState } from '@rc/loop';
import type { CliIo } from '../cli-io';
import { loadConfig } from '../load-config';
import { describeUsage } from './loop-run';

/** Options of `rc loop status`. */
export interface LoopStatusOptions {
  config?: string;
  json?: boolean;
}

/** `rc loop status`: prints the loop's state.json (validated; a corrupt file exits 2). */
export async function loopStatus(options: LoopStatusOptions, io: CliIo): Promise<number> {
  const { config, root } = await loadConfig(options.config, io);
  const shown = config.loop.sync.state_path;
  const state = await readState(join(root, shown), shown);
  if (options.json) {
    io.stdout.write(canonicalJson(state));
    return 0;
  }
  if (state === null) {
    io.stdout.write(`no loop state at ${shown}: the loop has not run here yet\n`);
    return 0;
  }
  const next =
    state.status === 'running' ? `, next: ${state.expected_actor} (${state.expected_phase})` : '';
  const lines = [
    `status:    ${state.status}${state.reason ? ` (${state.reason})` : ''}`,
    `iteration: ${state.iteration}${next}`,
    `turns:     ${state.counters.turns} (galph ${state.counters.galph}, ralph ${state.counters.ralph}, reviews ${state.counters.reviews}, failures ${state.counters.failures}, interrupted ${state.counters.interrupted})`,
  ];
  const { usage } = state;
  if (usage.input_tokens + usage.output_tokens > 0 || usage.cost_usd !== null) {
    lines.push(`usage:     ${describeUsage(usage)}`);
  }
  const last = state.last_turn;
  if (last !== null) {
    lines.push(
      `last turn: iteration ${last.iteration} ${last.actor} ${last.prompt}: ${last.outcome}, ${last.started_at} -> ${last.ended_at} (${(last.duration_ms / 1000).toFixed(1)}s), log ${last.log}`,
    );
  }
  lines.push(`state:     ${shown}, updated ${state.updated_at}`);
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

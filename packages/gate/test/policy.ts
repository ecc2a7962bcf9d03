import { GateConfigSchema, type GateConfig } from '@rc/orchestrator-core';
import { resolveGatePolicy, type GatePolicy, type GatePolicyEnv } from '../src/resolve-gate-policy';

/**
 * The project the scenarios play in: its issues carry a label and a maintainers team may command.
 * Written out, as an adopter's orchestration.yaml does: the defaults name no label and no team.
 */
const PROJECT_GATE: Partial<GateConfig> = {
  allowed_teams: ['releasecopilot-maintainers'],
  required_label: 'wave:wave2',
};

/** A policy from {@link PROJECT_GATE} and a partial `gate` section (the rest from the real schema) and env. */
export function policyOf(gate: Partial<GateConfig> = {}, env: GatePolicyEnv = {}): GatePolicy {
  const resolved = resolveGatePolicy(GateConfigSchema.parse({ ...PROJECT_GATE, ...gate }), env);
  if (!resolved.ok) throw new Error(resolved.issues.join('\n'));
  return resolved.value;
}

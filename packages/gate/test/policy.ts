import { GateConfigSchema, type GateConfig } from '@rc/orchestrator-core';
import { resolveGatePolicy, type GatePolicy, type GatePolicyEnv } from '../src/resolve-gate-policy';

/** A policy from a partial `gate` section (defaults filled in by the real schema) and env. */
export function policyOf(gate: Partial<GateConfig> = {}, env: GatePolicyEnv = {}): GatePolicy {
  const resolved = resolveGatePolicy(GateConfigSchema.parse(gate), env);
  if (!resolved.ok) throw new Error(resolved.issues.join('\n'));
  return resolved.value;
}

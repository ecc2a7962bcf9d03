import { canonicalJson, sha256Hex } from '@rc/orchestrator-core';
import type { MasterPlan } from './playbook-task';

/**
 * The content hash of a plan (16 hex digits): what identifies a playbook run, so running the
 * same plan again resumes it. Only what a task does counts (id, objective, skill, dependencies,
 * done criteria, scope, checks), not where it sits in the file or the file's name.
 */
export function planHash(plan: Pick<MasterPlan, 'tasks'>): string {
  const tasks = plan.tasks.map((task) => ({
    id: task.id,
    objective: task.objective,
    skill: task.skill,
    dependencies: task.dependencies,
    done_criteria: task.done_criteria,
    scope: task.scope,
    checks: task.checks,
  }));
  return sha256Hex(canonicalJson(tasks)).slice(0, 16);
}

// The entry of dist/plan.cjs: everything the launcher needs to run `rc orchestrator plan` alone.
export { processIo } from './process-io';
export { runPlan } from './run-plan';

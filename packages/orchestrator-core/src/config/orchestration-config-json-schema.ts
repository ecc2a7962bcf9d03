import * as z from 'zod/mini';
import { OrchestrationConfigSchema } from './orchestration-config';

/** Where editors fetch the schema: the file in rc's repository, on its default branch. */
const ORCHESTRATION_SCHEMA_URL =
  'https://raw.githubusercontent.com/rc-project/rc/main/packages/orchestrator-core/schema.json';

/**
 * The JSON Schema of `orchestration.yaml` as editors see it (input side: fields with defaults are
 * optional). Shipped as `@rc/orchestrator-core/schema.json`.
 */
export function orchestrationConfigJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(OrchestrationConfigSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: ORCHESTRATION_SCHEMA_URL,
    title: 'rc orchestration.yaml',
  };
}

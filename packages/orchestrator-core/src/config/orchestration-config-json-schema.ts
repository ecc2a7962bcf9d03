import * as z from 'zod/mini';
import { OrchestrationConfigSchema } from './orchestration-config';

/**
 * The JSON Schema of `orchestration.yaml` as editors see it (input side: fields with defaults are
 * optional). Shipped as `@rc/orchestrator-core/schema.json`.
 */
export function orchestrationConfigJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(OrchestrationConfigSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: 'urn:rc:orchestration-config',
    title: 'rc orchestration.yaml',
  };
}

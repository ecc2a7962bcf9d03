import { InvalidInputError } from '@rc/orchestrator-core';

/**
 * Throws `InvalidInputError` before any request is sent when a required argument is not a
 * non-empty string; every bad field is listed as `name: message`.
 */
export function requireText(action: string, fields: Record<string, unknown>): void {
  const issues = Object.entries(fields)
    .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
    .map(([name]) => `${name}: must be a non-empty string`);
  if (issues.length > 0) {
    throw new InvalidInputError(`${action}: invalid arguments`, { issues });
  }
}

import type * as z from 'zod';
import { fail, ok, type Result } from '../result';

/** Formats zod issues as `path: message` lines, the path dotted (`issue.labels.0.name`). */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[], root = ''): string[] {
  return issues.map((issue) => {
    const path = [root, ...issue.path.map(String)].filter((part) => part !== '').join('.');
    return `${path === '' ? '(root)' : path}: ${issue.message}`;
  });
}

/** Validates untrusted input against a schema without throwing. */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  root = '',
): Result<z.output<S>> {
  const parsed = schema.safeParse(value);
  return parsed.success ? ok(parsed.data) : fail(...formatZodIssues(parsed.error.issues, root));
}

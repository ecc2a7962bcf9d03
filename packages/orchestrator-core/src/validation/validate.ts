import * as z from 'zod/mini';
import { fail, ok, type Result } from '../result';
import { englishErrors } from './_english-errors';

/** Formats zod issues as `path: message` lines, the path dotted (`issue.labels.0.name`). */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[], root = ''): string[] {
  return issues.map((issue) => {
    const path = [root, ...issue.path.map(String)].filter((part) => part !== '').join('.');
    return `${path === '' ? '(root)' : path}: ${issue.message}`;
  });
}

/** Validates untrusted input against a schema (zod or zod/mini) without throwing. */
export function validate<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  root = '',
): Result<z.output<S>> {
  const parsed = z.safeParse(schema, value, { error: englishErrors });
  return parsed.success ? ok(parsed.data) : fail(...formatZodIssues(parsed.error.issues, root));
}

import * as z from 'zod';

// GitHub adds fields over time: every object here is loose, so unknown fields pass through.

/** A GitHub account as it appears in webhook payloads. */
export const GitHubUserSchema = z.looseObject({
  login: z.string().min(1),
  id: z.number().int().optional(),
  type: z.string().optional(),
});

/** A repository as it appears in webhook payloads. */
export const GitHubRepositorySchema = z.looseObject({
  full_name: z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'expected owner/name'),
  name: z.string().min(1),
  owner: z.looseObject({ login: z.string().min(1) }),
  default_branch: z.string().optional(),
});

/** An issue or pull request as `issue_comment` carries it (`pull_request` set for PRs). */
export const GitHubIssueSchema = z.looseObject({
  number: z.number().int().positive(),
  title: z.string(),
  body: z.string().nullable().optional(),
  state: z.string().optional(),
  user: GitHubUserSchema,
  labels: z.array(z.looseObject({ name: z.string() })).default([]),
  pull_request: z.looseObject({ url: z.string().optional() }).optional(),
});

/** A comment as `issue_comment` carries it. */
export const GitHubCommentSchema = z.looseObject({
  id: z.number().int().nonnegative(),
  body: z.string(),
  user: GitHubUserSchema,
  author_association: z.string().optional(),
  created_at: z.string().optional(),
  html_url: z.string().optional(),
});

/** The `issue_comment` webhook event: created, edited or deleted, on an issue or a pull request. */
export const IssueCommentEventSchema = z.looseObject({
  action: z.enum(['created', 'edited', 'deleted']),
  issue: GitHubIssueSchema,
  comment: GitHubCommentSchema,
  repository: GitHubRepositorySchema,
  sender: GitHubUserSchema.optional(),
  changes: z.looseObject({}).optional(),
});

export type IssueCommentEvent = z.infer<typeof IssueCommentEventSchema>;

/** The `workflow_dispatch` event. */
export const WorkflowDispatchEventSchema = z.looseObject({
  ref: z.string().min(1),
  workflow: z.string().min(1),
  inputs: z.record(z.string(), z.unknown()).nullable().optional(),
  repository: GitHubRepositorySchema,
  sender: GitHubUserSchema.optional(),
});

export type WorkflowDispatchEvent = z.infer<typeof WorkflowDispatchEventSchema>;

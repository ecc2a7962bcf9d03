import * as z from 'zod/mini';

// GitHub adds fields over time: every object here is loose, so unknown fields pass through.

const nonEmpty = z.string().check(z.minLength(1));

/** A GitHub account as it appears in webhook payloads. */
export const GitHubUserSchema = z.lazy(() =>
  z.looseObject({
    login: nonEmpty,
    id: z.optional(z.number().check(z.int())),
    type: z.optional(z.string()),
  }),
);

/** A repository as it appears in webhook payloads. */
export const GitHubRepositorySchema = z.lazy(() =>
  z.looseObject({
    full_name: z.string().check(z.regex(/^[^/\s]+\/[^/\s]+$/, 'expected owner/name')),
    name: nonEmpty,
    owner: z.looseObject({ login: nonEmpty }),
    default_branch: z.optional(z.string()),
  }),
);

/** An issue or pull request as `issue_comment` carries it (`pull_request` set for PRs). */
export const GitHubIssueSchema = z.lazy(() =>
  z.looseObject({
    number: z.number().check(z.int(), z.positive()),
    title: z.string(),
    body: z.optional(z.nullable(z.string())),
    state: z.optional(z.string()),
    user: GitHubUserSchema,
    labels: z._default(z.array(z.looseObject({ name: z.string() })), []),
    pull_request: z.optional(z.looseObject({ url: z.optional(z.string()) })),
  }),
);

/** A comment as `issue_comment` carries it. */
export const GitHubCommentSchema = z.lazy(() =>
  z.looseObject({
    id: z.number().check(z.int(), z.nonnegative()),
    body: z.string(),
    user: GitHubUserSchema,
    author_association: z.optional(z.string()),
    created_at: z.optional(z.string()),
    html_url: z.optional(z.string()),
  }),
);

/** The `issue_comment` webhook event: created, edited or deleted, on an issue or a pull request. */
export const IssueCommentEventSchema = z.lazy(() =>
  z.looseObject({
    action: z.enum(['created', 'edited', 'deleted']),
    issue: GitHubIssueSchema,
    comment: GitHubCommentSchema,
    repository: GitHubRepositorySchema,
    sender: z.optional(GitHubUserSchema),
    changes: z.optional(z.looseObject({})),
  }),
);

export type IssueCommentEvent = z.infer<typeof IssueCommentEventSchema>;

/** The `workflow_dispatch` event. */
export const WorkflowDispatchEventSchema = z.lazy(() =>
  z.looseObject({
    ref: nonEmpty,
    workflow: nonEmpty,
    inputs: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
    repository: GitHubRepositorySchema,
    sender: z.optional(GitHubUserSchema),
  }),
);

export type WorkflowDispatchEvent = z.infer<typeof WorkflowDispatchEventSchema>;

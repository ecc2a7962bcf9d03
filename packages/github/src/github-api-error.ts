import { OperationError, type RcErrorOptions } from '@rc/orchestrator-core';

/**
 * What went wrong talking to GitHub: `http` a non-2xx answer, `timeout` no full answer in
 * time, `network` no answer at all, `malformed` an answer rc cannot use.
 */
export type GitHubApiErrorKind = 'http' | 'timeout' | 'network' | 'malformed';

/** Options for `GitHubApiError`. */
export interface GitHubApiErrorOptions extends RcErrorOptions {
  /** What went wrong. */
  kind: GitHubApiErrorKind;
  /**
   * The HTTP status GitHub answered with, or null when there was no usable answer.
   * @default null
   */
  status?: number | null;
}

/**
 * A GitHub API call failed (exit 1). The message names the method and path, never the token;
 * `cause` holds a copy of the underlying error without request or response headers.
 */
export class GitHubApiError extends OperationError {
  readonly kind: GitHubApiErrorKind;
  readonly status: number | null;

  constructor(message: string, options: GitHubApiErrorOptions) {
    super(message, options);
    this.kind = options.kind;
    this.status = options.status ?? null;
  }
}

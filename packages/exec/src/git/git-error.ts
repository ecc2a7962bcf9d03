import { OperationError, type RcErrorOptions } from '@rc/orchestrator-core';

/** A git command failed: `args` is the command (without `git`), for callers that must tell. */
export class GitError extends OperationError {
  override readonly code = 'E_GIT';
  readonly args: readonly string[];

  constructor(args: readonly string[], message: string, options: RcErrorOptions = {}) {
    super(message, options);
    this.args = [...args];
  }
}

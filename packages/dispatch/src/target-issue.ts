/** The target issue's labels as the caller looked them up (e.g. through the GitHub API). */
export interface TargetIssue {
  /** Must be the issue the command targets, or planning fails with `issue_mismatch`. */
  number: number;
  /** Label names, in any order. */
  labels: readonly string[];
}

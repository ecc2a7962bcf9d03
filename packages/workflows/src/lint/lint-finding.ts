/** One problem in a workflow file. */
export interface LintFinding {
  /** The file as it was named to the linter. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** The rule id: one of `SECURITY_RULES`, `actionlint/<kind>`, or `yaml`. */
  readonly rule: string;
  readonly message: string;
}

/** `file:line: rule: message`, the one line format every finding prints as. */
export function formatFinding(finding: LintFinding): string {
  return `${finding.file}:${finding.line}: ${finding.rule}: ${finding.message}`;
}

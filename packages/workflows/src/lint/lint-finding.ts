import type { Confidence, Severity } from './_rule';

/** One problem in a workflow file. */
export interface LintFinding {
  /** The file as it was named to the linter. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** The rule id: one of `SECURITY_RULES`, `actionlint/<kind>`, `yaml`, or `ignore-without-reason`. */
  readonly rule: string;
  readonly severity: Severity;
  readonly confidence: Confidence;
  readonly message: string;
}

/** `file:line: severity rule: message`, the one line format every finding prints as. */
export function formatFinding(finding: LintFinding): string {
  return `${finding.file}:${finding.line}: ${finding.severity} ${finding.rule}: ${finding.message}`;
}

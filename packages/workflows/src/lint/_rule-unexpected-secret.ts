import { offsetsOf, runsRc, type Rule, type RuleFinding } from './_rule';

/**
 * The only secrets rc's workflows read: the bot token, and the agent API keys the playbook
 * fan-out hands to each task runner's agent step (and to nothing else).
 */
export const DEFAULT_ALLOWED_SECRETS = [
  'ORCHESTRATOR_BOT_TOKEN',
  'GITHUB_TOKEN',
  'OPENAI_API_KEY',
  'ANTHROPIC_API_KEY',
  'GEMINI_API_KEY',
] as const;

/**
 * rc policy, for workflows that run rc only: every secret such a workflow can read widens what a
 * compromised agent step can steal, so it reads ORCHESTRATOR_BOT_TOKEN (plus the secrets the
 * lint config allows), and never `secrets: inherit` (which hands over all of them). Elsewhere
 * `secrets: inherit` is a note.
 */
export const unexpectedSecret: Rule = (workflow, options) => {
  const text = workflow.text;
  const inherit = offsetsOf(text, /^[ \t]*secrets:[ \t]*inherit[ \t]*(#.*)?$/gm);
  if (!runsRc(workflow))
    return inherit.map((offset) => ({
      line: workflow.lineAt(offset),
      rule: 'secrets-inherit',
      severity: 'note',
      confidence: 'high',
      message:
        '"secrets: inherit" passes every secret to the called workflow: pass the ones it needs by name',
    }));
  const allowed = new Set<string>([...DEFAULT_ALLOWED_SECRETS, ...options.allowedSecrets]);
  const named: RuleFinding[] = [...text.matchAll(/secrets\.([A-Za-z_][A-Za-z0-9_]*)/g)]
    .filter((match) => !allowed.has(match[1] ?? ''))
    .map((match) => ({
      line: workflow.lineAt(match.index ?? 0),
      rule: 'unexpected-secret',
      severity: 'error',
      confidence: 'high',
      message: `secrets.${match[1] ?? ''} is not allowed in a workflow that runs rc: use secrets.ORCHESTRATOR_BOT_TOKEN (or allow it: allowed_secrets in .github/rc-lint.yaml, --allow-secret ${match[1] ?? ''})`,
    }));
  return [
    ...named,
    ...inherit.map((offset) => ({
      line: workflow.lineAt(offset),
      rule: 'unexpected-secret',
      severity: 'error' as const,
      confidence: 'high' as const,
      message: '"secrets: inherit" passes every secret on: pass ORCHESTRATOR_BOT_TOKEN by name',
    })),
  ];
};

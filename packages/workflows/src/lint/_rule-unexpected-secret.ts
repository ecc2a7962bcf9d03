import { offsetsOf, type Rule } from './_rule';

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
 * Every secret a workflow can read widens what a compromised step can steal: rc's workflows read
 * ORCHESTRATOR_BOT_TOKEN only, and never `secrets: inherit` (which hands over all of them).
 */
export const unexpectedSecret: Rule = (workflow, options) => {
  const allowed = new Set<string>([...DEFAULT_ALLOWED_SECRETS, ...options.allowedSecrets]);
  const text = workflow.text;
  const named = [...text.matchAll(/secrets\.([A-Za-z_][A-Za-z0-9_]*)/g)]
    .filter((match) => !allowed.has(match[1] ?? ''))
    .map((match) => ({
      line: workflow.lineAt(match.index ?? 0),
      rule: 'unexpected-secret',
      message: `secrets.${match[1] ?? ''} is not allowed: use secrets.ORCHESTRATOR_BOT_TOKEN (or lint with --allow-secret ${match[1] ?? ''})`,
    }));
  const inherit = offsetsOf(text, /^[ \t]*secrets:[ \t]*inherit[ \t]*$/gm).map((offset) => ({
    line: workflow.lineAt(offset),
    rule: 'unexpected-secret',
    message: '"secrets: inherit" passes every secret on: pass ORCHESTRATOR_BOT_TOKEN by name',
  }));
  return [...named, ...inherit];
};

import type { AgentPreset } from './agent-backend';

/** Failures no retry fixes: someone has to log in, trust a folder, pay, or fix the network. */
export const AGENT_FAILURE_KINDS = ['auth', 'trust', 'quota', 'network'] as const;
export type AgentFailureKind = (typeof AGENT_FAILURE_KINDS)[number];

/** A classified agent failure: its kind and one line saying what to do. */
export interface AgentFailure {
  kind: AgentFailureKind;
  message: string;
}

/** What is known about a failed agent run. */
export interface AgentFailureFacts {
  preset: AgentPreset;
  exitCode: number | null;
  /** The CLI's reported error, its notices and the end of its stderr, newest last. */
  text: string;
}

interface Rule {
  kind: AgentFailureKind;
  exitCodes?: readonly number[];
  pattern: RegExp;
  advice: string;
}

const NETWORK =
  /ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|fetch failed|connection (refused|error|reset|failed)|unable to connect|error sending request|stream disconnected|reconnecting|dns error|network (error|is unreachable)/i;

// Each CLI's own words, as its sources and transcripts print them.
const RULES: Readonly<Record<Exclude<AgentPreset, 'custom'>, readonly Rule[]>> = {
  claude: [
    {
      kind: 'auth',
      pattern:
        /not logged in|please run \/login|invalid api key|authentication_failed|oauth token (has )?expired|x-api-key|401\b/i,
      advice: 'claude is not logged in: run `claude /login` or set ANTHROPIC_API_KEY',
    },
    {
      kind: 'quota',
      pattern: /credit balance is too low|usage limit|rate[_ ]limit|\b429\b|quota|billing/i,
      advice: 'claude hit a usage, rate or billing limit: wait for it to reset or check the plan',
    },
    {
      kind: 'network',
      pattern: NETWORK,
      advice: 'claude cannot reach its model API: check the network, a proxy or ANTHROPIC_BASE_URL',
    },
  ],
  codex: [
    {
      kind: 'auth',
      pattern:
        /not logged in|401 unauthorized|\b401\b|invalid_api_key|incorrect api key|missing bearer|no api key|login required/i,
      advice: 'codex is not logged in: run `codex login` or set OPENAI_API_KEY',
    },
    {
      kind: 'trust',
      pattern: /not inside a trusted directory|--skip-git-repo-check/i,
      advice: 'codex does not trust this directory: run it inside a git repository',
    },
    {
      kind: 'quota',
      pattern: /insufficient_quota|quota|usage limit|rate limit|\b429\b/i,
      advice: 'codex hit a usage, rate or quota limit: wait for it to reset or check the plan',
    },
    {
      kind: 'network',
      pattern: NETWORK,
      advice:
        'codex cannot reach its model API: check the network, a proxy or the provider base_url',
    },
  ],
  gemini: [
    {
      kind: 'auth',
      exitCodes: [41],
      pattern:
        /please set an auth method|invalid auth method|must specify the GEMINI_API_KEY|api key not valid|API_KEY_INVALID|UNAUTHENTICATED/i,
      advice: 'gemini is not authenticated: set GEMINI_API_KEY, or run `gemini` once to log in',
    },
    {
      kind: 'trust',
      exitCodes: [55],
      pattern: /not running in a trusted directory/i,
      advice:
        'gemini does not trust this directory: set GEMINI_CLI_TRUST_WORKSPACE=true or trust it in gemini',
    },
    {
      kind: 'quota',
      pattern: /RESOURCE_EXHAUSTED|quota|\b429\b|rate limit/i,
      advice: 'gemini hit a quota or rate limit: wait for it to reset or check the plan',
    },
    {
      kind: 'network',
      pattern: NETWORK,
      advice:
        'gemini cannot reach its model API: check the network, a proxy or GOOGLE_GEMINI_BASE_URL',
    },
  ],
};

/**
 * Says which terminal failure a failed run of a preset CLI was, from its exit code and its own
 * words, or null when it is none of them (a custom agent is never classified). Pure.
 */
export function classifyAgentFailure(facts: AgentFailureFacts): AgentFailure | null {
  if (facts.preset === 'custom') return null;
  for (const rule of RULES[facts.preset]) {
    const byCode = facts.exitCode !== null && (rule.exitCodes ?? []).includes(facts.exitCode);
    const match = rule.pattern.exec(facts.text);
    if (!byCode && match === null) continue;
    const detail = match === null ? null : lineAround(facts.text, match.index);
    return { kind: rule.kind, message: detail ? `${rule.advice} (${detail})` : rule.advice };
  }
  return null;
}

// The line the evidence is on, trimmed and bounded, so the console line stays one line.
function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  const line = text.slice(start, end === -1 ? undefined : end).trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

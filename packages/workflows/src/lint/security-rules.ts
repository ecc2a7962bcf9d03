import type { Severity } from './_rule';

/** rc's own rules: id, the highest severity it reports, and what it catches (SARIF, docs). */
export const SECURITY_RULE_INFO = [
  {
    id: 'template-injection',
    severity: 'error',
    policy: false,
    catches:
      'attacker-controlled data (by trigger, through env:, step and job outputs, github-script results) pasted into run: or a github-script script:',
  },
  {
    id: 'github-env',
    severity: 'error',
    policy: false,
    catches:
      'attacker-controlled text or a workflow_run artifact written to $GITHUB_ENV / $GITHUB_PATH (or, unframed, to $GITHUB_OUTPUT)',
  },
  {
    id: 'pr-head-checkout',
    severity: 'error',
    policy: false,
    catches:
      'the PR head checked out or fetched in pull_request_target, workflow_run or issue_comment, named directly or computed in an earlier step',
  },
  {
    id: 'self-hosted-runner',
    severity: 'error',
    policy: false,
    catches: 'a self-hosted runner in a pull_request / pull_request_target workflow',
  },
  {
    id: 'secret-echoed',
    severity: 'error',
    policy: false,
    catches: 'a secret printed, or env / set -x while a secret is in the environment',
  },
  {
    id: 'expression-in-run',
    severity: 'note',
    policy: false,
    catches: 'any other ${{ }} inside run: (prefer env:)',
  },
  {
    id: 'missing-permissions',
    severity: 'warning',
    policy: false,
    catches: 'a job with no permissions: at the top or on the job',
  },
  {
    id: 'broad-permissions',
    severity: 'warning',
    policy: false,
    catches: 'write-all, or a write scope at the top of a workflow with several jobs',
  },
  {
    id: 'excessive-permissions',
    severity: 'warning',
    policy: false,
    catches: 'a job-level write scope in a pull_request_target workflow',
  },
  {
    id: 'unpinned-action',
    severity: 'warning',
    policy: false,
    catches:
      'uses: not pinned to a 40-hex commit (Docker: digest); a note for actions/* and github/*',
  },
  {
    id: 'persist-credentials',
    severity: 'warning',
    policy: false,
    catches:
      'actions/checkout without persist-credentials: false (a note outside privileged triggers)',
  },
  {
    id: 'secrets-inherit',
    severity: 'note',
    policy: false,
    catches: 'secrets: inherit in a workflow that does not run rc',
  },
  {
    id: 'unexpected-secret',
    severity: 'error',
    policy: true,
    catches:
      'in a workflow that runs rc: a secret other than ORCHESTRATOR_BOT_TOKEN, GITHUB_TOKEN and the allowed ones, or secrets: inherit',
  },
  {
    id: 'ungated-dispatch',
    severity: 'error',
    policy: true,
    catches:
      'in a workflow that runs rc: dispatch or a secret before rc gate check, a swallowed gate (|| true, continue-on-error), a dispatch run anyway (if: always())',
  },
] as const satisfies readonly {
  id: string;
  severity: Severity;
  policy: boolean;
  catches: string;
}[];

/** The ids of rc's own security rules, in the order they are documented. */
export const SECURITY_RULES = SECURITY_RULE_INFO.map((rule) => rule.id);
export type SecurityRule = (typeof SECURITY_RULE_INFO)[number]['id'];

import { ACTION_PINS, pinnedUses } from '../action-pins';
import { header } from './_steps';

/** What differs between rc's own runner and the caller `rc workflows init` writes. */
export interface OrchestratorCallerOptions {
  /** The workflow's `name:`. */
  readonly name: string;
  /** The reusable workflow: a local path or `OWNER/REPO/.github/workflows/x.yml@SHA`. */
  readonly uses: string;
  /** The rc the reusable workflow runs: `OWNER/REPO` (an expression or a literal). */
  readonly rcRepository: string;
  /** The commit of `rcRepository` to run rc from (an expression or a full SHA). */
  readonly rcRef: string;
  /** For an adopter's copy: the command that regenerates it (see `header`). */
  readonly regenerate?: string;
}

/**
 * A slash-command runner: `/orchestrate` comments and manual runs call the reusable orchestrator,
 * one run per issue at a time. Runs that rc itself dispatched (they carry an `envelope`) are
 * recorded by the `dispatched` job, which is where a repository adds its agent work.
 */
export function orchestratorCaller(options: OrchestratorCallerOptions): string {
  return `${header('Slash-command runner: /orchestrate comments -> gate -> dispatch (Phoenix time).', options.regenerate)}
name: ${options.name}

on:
  issue_comment:
    types: [created]
  workflow_dispatch:
    inputs:
      command:
        description: an /orchestrate command to run by hand, e.g. "/orchestrate #276 prompt=triage"
        type: string
        default: ''
      issue:
        description: the issue number (set by rc dispatch, or the default issue of a manual command)
        type: string
        default: ''
      prompt:
        description: the helper prompt (set by rc dispatch)
        type: string
        default: ''
      run_id:
        description: the Phoenix run id (set by rc dispatch)
        type: string
        default: ''
      envelope:
        description: the dispatch envelope JSON (set by rc dispatch)
        type: string
        default: ''

permissions: {}

env:
  TZ: America/Phoenix

concurrency:
  group: \${{ github.workflow }}-issue-\${{ github.event.issue.number || inputs.issue || github.run_id }}
  cancel-in-progress: false

jobs:
  orchestrate:
    if: >-
      (github.event_name == 'issue_comment' && startsWith(github.event.comment.body, '/orchestrate'))
      || (github.event_name == 'workflow_dispatch' && inputs.command != '')
    permissions:
      contents: read
    uses: ${options.uses}
    with:
      rc-repository: ${options.rcRepository}
      rc-ref: ${options.rcRef}
    secrets:
      ORCHESTRATOR_BOT_TOKEN: \${{ secrets.ORCHESTRATOR_BOT_TOKEN }}

  dispatched:
    if: github.event_name == 'workflow_dispatch' && inputs.envelope != ''
    runs-on: ubuntu-latest
    timeout-minutes: 10
    permissions:
      contents: read
    env:
      TZ: America/Phoenix
      RC_ENVELOPE: \${{ inputs.envelope }}
      RC_RUN_ID: \${{ inputs.run_id }}
    steps:
      - name: Record the dispatched envelope
        run: |
          case "$RC_RUN_ID" in
            *[!0-9A-Za-z-]* | '') echo "run_id is not a run id" >&2; exit 2 ;;
          esac
          mkdir -p "artifacts/orchestrator/\${RC_RUN_ID}"
          printf '%s\\n' "$RC_ENVELOPE" > "artifacts/orchestrator/\${RC_RUN_ID}/received-envelope.json"
          node -e 'JSON.parse(require("fs").readFileSync(0, "utf8"))' < "artifacts/orchestrator/\${RC_RUN_ID}/received-envelope.json"
          echo "### rc dispatched run \${RC_RUN_ID}" >> "$GITHUB_STEP_SUMMARY"
      # Below, this repository's agent works on the dispatched issue. For example, with codex:
      # store the API key as a repository secret and pass it as OPENAI_API_KEY in env:, and give
      # this job contents: write if the agent pushes (rc's docs/agents.md shows claude and gemini).
      # - uses: ${pinnedUses(ACTION_PINS.checkout)}
      #   with:
      #     persist-credentials: false
      # - uses: ${pinnedUses(ACTION_PINS.checkout)}
      #   with:
      #     repository: ${options.rcRepository}
      #     ref: ${options.rcRef}
      #     path: .rc
      #     persist-credentials: false
      #     sparse-checkout: packages/cli/bundle
      # - name: Run the agent on the helper prompt rc chose, with the maintainer's words
      #   run: |
      #     .rc/packages/cli/bundle/rc orchestrator prompt --envelope "$RC_ENVELOPE" > "$RUNNER_TEMP/prompt.md"
      #     npm install --global @openai/codex
      #     codex exec --sandbox workspace-write - < "$RUNNER_TEMP/prompt.md"
      - name: Upload dispatched artifacts
        if: always()
        uses: ${pinnedUses(ACTION_PINS.uploadArtifact)}
        with:
          name: dispatched-\${{ inputs.run_id }}
          path: artifacts/orchestrator/
          if-no-files-found: ignore
          retention-days: 14
`;
}

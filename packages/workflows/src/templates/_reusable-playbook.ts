import { ACTION_PINS, pinnedUses } from '../action-pins';
import {
  checkoutStep,
  header,
  phoenixRunIdStep,
  rcInputs,
  rcSteps,
  secureDefaults,
  setupNodeStep,
  uploadStep,
} from './_steps';
import type { TemplateContext } from './_steps';

// Git with the job's token for one command only: checkout persists no credentials, so the agent
// step never holds a token that can push.
const withToken =
  'git -c "http.https://github.com/.extraheader=AUTHORIZATION: basic $(printf \'x-access-token:%s\' "$GH_TOKEN" | base64 -w0)"';

/**
 * `reusable-playbook.yml`: plan -> one runner per task (agent CLI and secret, waits for its
 * dependencies' branches, pushes `rc/<id>`) -> a fan-in that merges passed branches in
 * dependency order, idempotently, and publishes the merged ledger.
 */
export function reusablePlaybook(context: TemplateContext): string {
  const setup = `${phoenixRunIdStep}${checkoutStep('          fetch-depth: 0\n')}${setupNodeStep('${{ inputs.node-version }}')}${rcSteps('${{ inputs.rc-repository }}', '${{ inputs.rc-ref }}')}`;
  return `${header('Playbook fan-out: one runner per task, dependencies honoured across runners, one fan-in merge.')}
name: reusable-playbook

on:
  workflow_call:
    inputs:
      plan:
        description: the master plan (Markdown or YAML) in the calling repository
        type: string
        required: true
      agent:
        description: 'the agent: codex, claude, gemini, or a command template (rc playbook run --agent)'
        type: string
        default: codex
      agent-install:
        description: 'shell command installing the agent CLI on each task runner (pin its version)'
        type: string
        default: npm install --global --ignore-scripts --no-audit --no-fund @openai/codex
      max-parallel:
        description: how many task runners at once (dependents wait on a runner for their dependencies)
        type: number
        default: 4
      dependency-wait-minutes:
        description: how long a task waits for its dependencies' branches before failing
        type: number
        default: 120
${rcInputs(context)}      node-version:
        description: Node.js version for rc
        type: string
        default: '${context.nodeVersion}'
    secrets:
      OPENAI_API_KEY:
        description: for the codex agent
        required: false
      ANTHROPIC_API_KEY:
        description: for the claude agent
        required: false
      GEMINI_API_KEY:
        description: for the gemini agent
        required: false

${secureDefaults}
jobs:
  plan:
    name: plan the matrix
    runs-on: ubuntu-latest
    timeout-minutes: 10
    permissions:
      contents: read
    outputs:
      matrix: \${{ steps.plan.outputs.matrix }}
    env:
      TZ: America/Phoenix
      RC_PLAN: \${{ inputs.plan }}
    steps:
${setup}      - name: Plan
        id: plan
        run: |
          rc playbook plan "$RC_PLAN" --format github-matrix > "$RUNNER_TEMP/matrix.json"
          echo "matrix=$(jq -c . "$RUNNER_TEMP/matrix.json")" >> "$GITHUB_OUTPUT"

  # One runner per task, in dependency-level order (the matrix is sorted by level, and
  # max-parallel starts jobs in that order), so a task only ever waits for tasks already started.
  task:
    name: task \${{ matrix.task }}
    needs: plan
    runs-on: ubuntu-latest
    timeout-minutes: 360
    # The only write: the push of rc/<task-id> (and of rc-failed/<task-id> when it fails). The
    # token reaches git in those steps alone; the agent runs without it.
    permissions:
      contents: write
    strategy:
      fail-fast: false
      max-parallel: \${{ inputs.max-parallel }}
      matrix: \${{ fromJSON(needs.plan.outputs.matrix) }}
    env:
      TZ: America/Phoenix
      RC_PLAN: \${{ inputs.plan }}
      RC_TASK: \${{ matrix.task }}
      RC_DEPENDS_ON: \${{ matrix.depends_on }}
    steps:
${setup}      - name: Install the agent CLI
        env:
          RC_AGENT_INSTALL: \${{ inputs.agent-install }}
        run: bash -c "$RC_AGENT_INSTALL"
      - name: Git identity for the task's commits
        run: |
          git config user.name 'github-actions[bot]'
          git config user.email '41898282+github-actions[bot]@users.noreply.github.com'
      - name: Wait for the dependencies' branches
        timeout-minutes: \${{ inputs.dependency-wait-minutes }}
        env:
          GH_TOKEN: \${{ github.token }}
        run: |
          for dependency in $RC_DEPENDS_ON; do
            until ${withToken} ls-remote --exit-code origin "refs/heads/rc/$dependency" > /dev/null; do
              if ${withToken} ls-remote --exit-code origin "refs/heads/rc-failed/$dependency" > /dev/null; then
                echo "::error::dependency $dependency did not pass; $RC_TASK does not run"
                exit 1
              fi
              sleep 15
            done
          done
          ${withToken} fetch -q origin '+refs/heads/rc/*:refs/heads/rc/*'
      - name: Run the task
        env:
          RC_AGENT: \${{ inputs.agent }}
          OPENAI_API_KEY: \${{ secrets.OPENAI_API_KEY }}
          ANTHROPIC_API_KEY: \${{ secrets.ANTHROPIC_API_KEY }}
          GEMINI_API_KEY: \${{ secrets.GEMINI_API_KEY }}
        run: rc playbook run "$RC_PLAN" --task "$RC_TASK" --no-merge --agent "$RC_AGENT" --runner "$RUNNER_NAME"
      - name: Push rc/\${{ matrix.task }}
        env:
          GH_TOKEN: \${{ github.token }}
        run: |
          ${withToken} push --force origin "rc/$RC_TASK"
      - name: Mark the task failed for its dependents
        if: failure()
        env:
          GH_TOKEN: \${{ github.token }}
        run: |
          ${withToken} push --force origin "HEAD:refs/heads/rc-failed/$RC_TASK"
${uploadStep('evidence-${{ matrix.task }}', '.orchestrator/', '          include-hidden-files: true\n')}
  merge:
    name: merge passed tasks and publish the ledger
    needs: [plan, task]
    if: always() && needs.plan.result == 'success'
    runs-on: ubuntu-latest
    timeout-minutes: 30
    permissions:
      contents: write
    env:
      TZ: America/Phoenix
      RC_PLAN: \${{ inputs.plan }}
    steps:
${setup}      - name: Download task evidence
        uses: ${pinnedUses(ACTION_PINS.downloadArtifact)}
        with:
          pattern: evidence-*
          path: evidence
      - name: Fetch the task branches
        env:
          GH_TOKEN: \${{ github.token }}
        run: |
          ${withToken} fetch -q origin '+refs/heads/rc/*:refs/heads/rc/*'
      - name: Merge in dependency order and publish the ledger
        run: |
          git config user.name 'github-actions[bot]'
          git config user.email '41898282+github-actions[bot]@users.noreply.github.com'
          mkdir -p artifacts/playbook
          status=0
          rc playbook merge "$RC_PLAN" --ledgers evidence/*/ > "artifacts/playbook/ledger-\${PHOENIX_RUN_ID}.md" || status=$?
          cat "artifacts/playbook/ledger-\${PHOENIX_RUN_ID}.md" >> "$GITHUB_STEP_SUMMARY"
          exit "$status"
      - name: Push the merges
        if: always()
        env:
          GH_TOKEN: \${{ github.token }}
        run: |
          ${withToken} push origin "HEAD:refs/heads/$GITHUB_REF_NAME"
${uploadStep('ledger-${{ env.PHOENIX_RUN_ID }}', 'artifacts/playbook/')}`;
}

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

/** `reusable-playbook.yml`: plan -> one runner per task -> merged evidence ledger. */
export function reusablePlaybook(context: TemplateContext): string {
  const setup = `${phoenixRunIdStep}${checkoutStep('          fetch-depth: 0\n')}${setupNodeStep('${{ inputs.node-version }}')}${rcSteps('${{ inputs.rc-repository }}', '${{ inputs.rc-ref }}')}`;
  return `${header('Playbook fan-out: plan a master plan into a matrix, one runner per task, one ledger.')}
name: reusable-playbook

on:
  workflow_call:
    inputs:
      plan:
        description: the master plan (Markdown or YAML) in the calling repository
        type: string
        required: true
      max-parallel:
        description: how many task runners at once
        type: number
        default: 4
${rcInputs(context)}      node-version:
        description: Node.js version for rc
        type: string
        default: '${context.nodeVersion}'

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

  task:
    name: task \${{ matrix.task }}
    needs: plan
    runs-on: ubuntu-latest
    timeout-minutes: 60
    permissions:
      contents: read
    strategy:
      fail-fast: false
      max-parallel: \${{ inputs.max-parallel }}
      matrix: \${{ fromJSON(needs.plan.outputs.matrix) }}
    env:
      TZ: America/Phoenix
      RC_PLAN: \${{ inputs.plan }}
      RC_TASK: \${{ matrix.task }}
    steps:
${setup}      - name: Run the task
        run: rc playbook run "$RC_PLAN" --task "$RC_TASK"
${uploadStep('evidence-${{ matrix.task }}', '.orchestrator/', '          include-hidden-files: true\n')}
  ledger:
    name: merge the evidence ledger
    needs: [plan, task]
    if: always() && needs.plan.result == 'success'
    runs-on: ubuntu-latest
    timeout-minutes: 10
    permissions:
      contents: read
    env:
      TZ: America/Phoenix
    steps:
${setup}      - name: Download task evidence
        uses: ${pinnedUses(ACTION_PINS.downloadArtifact)}
        with:
          pattern: evidence-*
          path: evidence
      - name: Merge and publish the ledger
        run: |
          mkdir -p artifacts/playbook
          rc playbook ledger --merge evidence/*/ | tee "artifacts/playbook/ledger-\${PHOENIX_RUN_ID}.md"
          cat "artifacts/playbook/ledger-\${PHOENIX_RUN_ID}.md" >> "$GITHUB_STEP_SUMMARY"
${uploadStep('ledger-${{ env.PHOENIX_RUN_ID }}', 'artifacts/playbook/')}`;
}

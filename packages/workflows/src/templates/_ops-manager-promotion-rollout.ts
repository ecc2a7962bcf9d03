import {
  checkoutStep,
  header,
  phoenixRunIdStep,
  rcSteps,
  secureDefaults,
  setupNodeStep,
  uploadStep,
} from './_steps';
import type { TemplateContext } from './_steps';

/**
 * `ops-manager-promotion-rollout.yml`: an operator runs `rc promote` from the Actions UI.
 * Thresholds are not inputs on purpose: they live in orchestration.yaml (`promotion`), reviewed
 * like code, so nobody loosens them while dispatching.
 */
export function opsManagerPromotionRollout(context: TemplateContext): string {
  return `${header('Promotion rollout: dry_run | apply | rollback through rc promote (Phoenix time).')}
name: ops-manager-promotion-rollout

on:
  workflow_dispatch:
    inputs:
      mode:
        description: dry_run previews; apply promotes when the decision is promote; rollback restores the last good version
        type: choice
        options: [dry_run, apply, rollback]
        default: dry_run
      stage:
        description: the stage to promote, e.g. canary or stable (orchestration.yaml promotion.stages)
        type: string
        required: true
      candidate:
        description: the candidate version or digest the decision is bound to
        type: string
        required: true
      intent:
        description: governance intent text or change ticket (required by apply/rollback governance)
        type: string
        default: ''
      signals:
        description: JSON file of CI signals in the repository ("" for orchestration.yaml promotion.signals)
        type: string
        default: ''
      idempotency-key:
        description: repeat-safe key ("" derives it from run id + stage + candidate)
        type: string
        default: ''
      trace-id:
        description: trace id forwarded to the applier and every artifact ("" uses the workflow run)
        type: string
        default: ''

${secureDefaults}
concurrency:
  group: promotion-\${{ inputs.stage }}
  cancel-in-progress: false

jobs:
  promote:
    name: rc promote
    runs-on: ubuntu-latest
    timeout-minutes: 30
    permissions:
      contents: read
    env:
      TZ: America/Phoenix
    steps:
${phoenixRunIdStep}${checkoutStep()}${setupNodeStep(`'${context.nodeVersion}'`)}${rcSteps('${{ github.repository }}', '${{ github.sha }}')}      - name: Promote
        id: promote
        env:
          RC_MODE: \${{ inputs.mode }}
          RC_STAGE: \${{ inputs.stage }}
          RC_CANDIDATE: \${{ inputs.candidate }}
          RC_INTENT: \${{ inputs.intent }}
          RC_SIGNALS: \${{ inputs.signals }}
          RC_IDEMPOTENCY_KEY: \${{ inputs.idempotency-key }}
          RC_TRACE_ID: \${{ inputs.trace-id || format('gh-{0}-{1}', github.run_id, github.run_attempt) }}
        run: |
          args=(--mode "$RC_MODE" --stage "$RC_STAGE" --candidate "$RC_CANDIDATE" --trace-id "$RC_TRACE_ID" --json)
          if [ -n "$RC_INTENT" ]; then args+=(--intent "$RC_INTENT"); fi
          if [ -n "$RC_SIGNALS" ]; then args+=(--signals "$RC_SIGNALS"); fi
          if [ -n "$RC_IDEMPOTENCY_KEY" ]; then args+=(--idempotency-key "$RC_IDEMPOTENCY_KEY"); fi
          mkdir -p artifacts/promotion
          rc promote "\${args[@]}" | tee "artifacts/promotion/promotion-result-\${PHOENIX_RUN_ID}.json"
${uploadStep('promotion-${{ env.PHOENIX_RUN_ID }}', 'artifacts/promotion/')}`;
}

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

// The summary script prints only characters that cannot start markdown, HTML or a mention.
const SUMMARY_SCRIPT = String.raw`          node --input-type=module - >> "$GITHUB_STEP_SUMMARY" <<'EOF'
          import { readFileSync } from 'node:fs';
          const event = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'));
          const clean = (value, max) =>
            String(value ?? '').split(/\r?\n/)[0].replace(/[^A-Za-z0-9 #=:._\/,+-]/g, '').slice(0, max);
          const rows = [
            ['command', clean(event.comment?.body ?? event.inputs?.command, 200)],
            ['issue', clean(event.issue?.number ?? event.inputs?.issue, 12)],
            ['phoenix timestamp', clean(process.env.PHOENIX_TIMESTAMP, 40)],
            ['run id', clean(process.env.PHOENIX_RUN_ID, 40)],
            ['gate', clean(process.env.GATE_OUTCOME, 20)],
            ['dispatch', clean(process.env.DISPATCH_OUTCOME, 20)],
          ];
          console.log(['### rc orchestrator', '', '| field | value |', '| --- | --- |',
            ...rows.map(([key, value]) => '| ' + key + ' | ' + (value || '-') + ' |')].join('\n'));
          EOF
`;

/** `reusable-orchestrator.yml`: gate, then dispatch, for one slash command. */
export function reusableOrchestrator(context: TemplateContext): string {
  return `${header('Gate and dispatch one /orchestrate command (called by orchestrator-runner and by adopters).')}
name: reusable-orchestrator

on:
  workflow_call:
    inputs:
${rcInputs(context)}      node-version:
        description: Node.js version for rc
        type: string
        default: '${context.nodeVersion}'
      config:
        description: orchestration.yaml to read ("" means ./orchestration.yaml when present)
        type: string
        default: ''
      trigger:
        description: how the plan is triggered (github, local or none)
        type: string
        default: github
    secrets:
      ORCHESTRATOR_BOT_TOKEN:
        description: fine-grained token (issues read/write, actions write, members read); never echoed
        required: true
    outputs:
      run-id:
        description: the Phoenix run id of this dispatch
        value: \${{ jobs.orchestrate.outputs.run-id }}
      allowed:
        description: '"true" when the gate allowed the comment'
        value: \${{ jobs.orchestrate.outputs.allowed }}

${secureDefaults}
jobs:
  orchestrate:
    name: gate and dispatch
    runs-on: ubuntu-latest
    timeout-minutes: 15
    permissions:
      contents: read
    outputs:
      run-id: \${{ steps.run-id.outputs.run-id }}
      allowed: \${{ steps.gate.outputs.allowed }}
    env:
      TZ: America/Phoenix
      RC_CONFIG: \${{ inputs.config }}
    steps:
${phoenixRunIdStep}${checkoutStep()}${setupNodeStep('${{ inputs.node-version }}')}${rcSteps('${{ inputs.rc-repository }}', '${{ inputs.rc-ref }}')}      - name: Gate (may this author command rc here?)
        id: gate
        env:
          ORCHESTRATOR_BOT_TOKEN: \${{ secrets.ORCHESTRATOR_BOT_TOKEN }}
        run: rc gate check --event-path "$GITHUB_EVENT_PATH" \${RC_CONFIG:+--config "$RC_CONFIG"}
      - name: Dispatch
        id: dispatch
        env:
          ORCHESTRATOR_BOT_TOKEN: \${{ secrets.ORCHESTRATOR_BOT_TOKEN }}
          RC_TRIGGER: \${{ inputs.trigger }}
        run: >-
          rc orchestrator dispatch --event-path "$GITHUB_EVENT_PATH" --run-id "$PHOENIX_RUN_ID"
          --trigger "$RC_TRIGGER" \${RC_CONFIG:+--config "$RC_CONFIG"}
      - name: Step summary (sanitized)
        if: always()
        env:
          GATE_OUTCOME: \${{ steps.gate.outcome }}
          DISPATCH_OUTCOME: \${{ steps.dispatch.outcome }}
        run: |
${SUMMARY_SCRIPT}${uploadStep('orchestrator-${{ env.PHOENIX_RUN_ID }}', 'artifacts/orchestrator/')}`;
}

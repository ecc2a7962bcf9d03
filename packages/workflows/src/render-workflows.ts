import { RC_VERSION } from './rc-version';
import { orchestratorCaller } from './templates/_orchestrator-caller';
import { opsManagerPromotionRollout } from './templates/_ops-manager-promotion-rollout';
import { reusableOrchestrator } from './templates/_reusable-orchestrator';
import { reusablePlaybook } from './templates/_reusable-playbook';
import type { TemplateContext } from './templates/_steps';

/** A generated file: its path relative to the repository root, and its text. */
export interface GeneratedFile {
  readonly path: string;
  readonly text: string;
}

/** Options for `renderWorkflows`. */
export interface RenderWorkflowsOptions {
  /**
   * The `@rc/cli` version the workflows install.
   * @default RC_VERSION (this package's version)
   */
  rcVersion?: string;
  /**
   * The Node.js version given to setup-node.
   * @default '20.19'
   */
  nodeVersion?: string;
}

/** The directory GitHub reads workflows from. */
export const WORKFLOWS_DIR = '.github/workflows';

/** The default Node.js version of every generated workflow. */
export const DEFAULT_NODE_VERSION = '20.19';

/**
 * rc's own workflows, as they belong in `.github/workflows/`: the runner, the reusable
 * orchestrator, the promotion rollout and the reusable playbook. Pure: same options, same text.
 */
export function renderWorkflows(options: RenderWorkflowsOptions = {}): GeneratedFile[] {
  const context: TemplateContext = {
    rcVersion: options.rcVersion ?? RC_VERSION,
    nodeVersion: options.nodeVersion ?? DEFAULT_NODE_VERSION,
  };
  const file = (name: string, text: string) => ({ path: `${WORKFLOWS_DIR}/${name}`, text });
  return [
    file(
      'orchestrator-runner.yml',
      orchestratorCaller({
        name: 'orchestrator-runner',
        uses: './.github/workflows/reusable-orchestrator.yml',
        rcVersion: context.rcVersion,
      }),
    ),
    file('reusable-orchestrator.yml', reusableOrchestrator(context)),
    file('ops-manager-promotion-rollout.yml', opsManagerPromotionRollout(context)),
    file('reusable-playbook.yml', reusablePlaybook(context)),
  ];
}

import { DEFAULT_WORKFLOWS_REPOSITORY } from './default-workflows-repository';
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
   * `OWNER/REPO` the reusable workflows run rc from unless a caller names another.
   * @default DEFAULT_WORKFLOWS_REPOSITORY
   */
  rcRepository?: string;
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
    rcRepository: options.rcRepository ?? DEFAULT_WORKFLOWS_REPOSITORY,
    nodeVersion: options.nodeVersion ?? DEFAULT_NODE_VERSION,
  };
  const file = (name: string, text: string) => ({ path: `${WORKFLOWS_DIR}/${name}`, text });
  return [
    file(
      'orchestrator-runner.yml',
      orchestratorCaller({
        name: 'orchestrator-runner',
        uses: './.github/workflows/reusable-orchestrator.yml',
        // rc's own runner runs the rc of the commit it runs at.
        rcRepository: '${{ github.repository }}',
        rcRef: '${{ github.sha }}',
      }),
    ),
    file('reusable-orchestrator.yml', reusableOrchestrator(context)),
    file('ops-manager-promotion-rollout.yml', opsManagerPromotionRollout(context)),
    file('reusable-playbook.yml', reusablePlaybook(context)),
  ];
}

import { RC_VERSION } from './rc-version';
import { WORKFLOWS_DIR, type GeneratedFile } from './render-workflows';
import { orchestratorCaller } from './templates/_orchestrator-caller';
import { playbookCaller, starterConfig, starterPrompt } from './templates/_starter';

/** Where adopters find rc's reusable workflows unless they name their own fork. */
export const DEFAULT_WORKFLOWS_REPOSITORY = 'rc-project/rc';

/** Options for `renderStarterFiles`. */
export interface RenderStarterFilesOptions {
  /**
   * The git ref of the reusable workflows: a full commit SHA is best (`rc workflows lint`
   * reports anything else as unpinned).
   */
  ref: string;
  /**
   * `OWNER/REPO` holding the reusable workflows.
   * @default DEFAULT_WORKFLOWS_REPOSITORY
   */
  repository?: string;
  /**
   * The `@rc/cli` version the reusable workflows install.
   * @default RC_VERSION
   */
  rcVersion?: string;
}

/**
 * What `rc workflows init` writes into a repository: caller workflows that `uses:` the
 * published reusable workflows, a starter `orchestration.yaml` and a prompts directory.
 */
export function renderStarterFiles(options: RenderStarterFilesOptions): GeneratedFile[] {
  const repository = options.repository ?? DEFAULT_WORKFLOWS_REPOSITORY;
  const rcVersion = options.rcVersion ?? RC_VERSION;
  const reusable = (name: string) => `${repository}/.github/workflows/${name}@${options.ref}`;
  return [
    {
      path: `${WORKFLOWS_DIR}/rc-orchestrator.yml`,
      text: orchestratorCaller({
        name: 'rc-orchestrator',
        uses: reusable('reusable-orchestrator.yml'),
        rcVersion,
      }),
    },
    {
      path: `${WORKFLOWS_DIR}/rc-playbook.yml`,
      text: playbookCaller({ uses: reusable('reusable-playbook.yml'), rcVersion }),
    },
    { path: 'orchestration.yaml', text: starterConfig() },
    { path: 'prompts/orchestrator/triage.md', text: starterPrompt() },
  ];
}

import { WORKFLOWS_DIR, type GeneratedFile } from './render-workflows';
import { orchestratorCaller } from './templates/_orchestrator-caller';
import { playbookCaller, starterConfig, starterPrompt } from './templates/_starter';

/** Options for `renderStarterFiles`. */
export interface RenderStarterFilesOptions {
  /**
   * The commit of `repository` whose reusable workflows and rc the callers run: a full commit
   * SHA is best (`rc workflows lint` reports anything else as unpinned).
   */
  ref: string;
  /** `OWNER/REPO` holding rc: its reusable workflows and its committed CLI bundle. */
  repository: string;
  /**
   * Teams (`org/team-slug`, or a bare slug of the repository owner) whose members may command rc
   * whatever their role: `gate.allowed_teams`.
   * @default [] (no team)
   */
  allowedTeams?: readonly string[];
  /**
   * The label an issue must carry before rc acts on it: `gate.required_label` and
   * `dispatch.required_label`.
   * @default null (no label)
   */
  requiredLabel?: string | null;
}

/** Which of the starter files a caller wants: everything, or the workflows alone. */
export type StarterFileKind = 'workflow' | 'config' | 'prompt';

/** A starter file, and what kind of file it is. */
export interface StarterFile extends GeneratedFile {
  readonly kind: StarterFileKind;
}

/**
 * What `rc workflows init` writes into a repository: caller workflows that `uses:` rc's reusable
 * workflows at `ref` (and run rc's committed bundle at the same commit), a starter
 * `orchestration.yaml` that writes out every value that differs between projects, and a prompt.
 */
export function renderStarterFiles(options: RenderStarterFilesOptions): StarterFile[] {
  const { repository, ref } = options;
  const reusable = (name: string) => `${repository}/.github/workflows/${name}@${ref}`;
  const regenerate = `rc workflows init --only workflows --force --repository ${repository} --ref ${ref}`;
  const rc = { rcRepository: repository, rcRef: ref, regenerate };
  return [
    {
      kind: 'workflow',
      path: `${WORKFLOWS_DIR}/rc-orchestrator.yml`,
      text: orchestratorCaller({
        name: 'rc-orchestrator',
        uses: reusable('reusable-orchestrator.yml'),
        ...rc,
      }),
    },
    {
      kind: 'workflow',
      path: `${WORKFLOWS_DIR}/rc-playbook.yml`,
      text: playbookCaller({ uses: reusable('reusable-playbook.yml'), ...rc }),
    },
    {
      kind: 'config',
      path: 'orchestration.yaml',
      text: starterConfig(options, {
        allowedTeams: options.allowedTeams ?? [],
        requiredLabel: options.requiredLabel ?? null,
      }),
    },
    { kind: 'prompt', path: 'prompts/orchestrator/triage.md', text: starterPrompt() },
  ];
}

import { expressionsOf } from './_rule';
import type { JobModel, Located, StepModel, WorkflowModel } from './_workflow-model';

/**
 * What an attacker controls: `text` is free text (a title, a branch name, a comment) that turns
 * into code when pasted into a script; `head` names the attacker's code (a PR head ref or SHA),
 * which must not be checked out where secrets are.
 */
type TaintKind = 'text' | 'head';
type Taint = ReadonlySet<TaintKind>;

const NONE: Taint = new Set();
const TEXT: Taint = new Set(['text']);
const HEAD: Taint = new Set(['head']);
const BOTH: Taint = new Set(['text', 'head']);

const PR_TEXT =
  /github\.event\.pull_request\.(title|body|head\.(ref|label|repo\.default_branch))\b|github\.head_ref\b/;
const ISSUE_TEXT = /github\.event\.issue\.(title|body)\b/;
const COMMENT_TEXT = /github\.event\.comment\.body\b/;
const REVIEW_TEXT = /github\.event\.review\.body\b/;
const DISCUSSION_TEXT = /github\.event\.discussion\.(title|body)\b/;
const COMMIT_TEXT =
  /github\.event\.(head_commit|commits(\[[^\]]*\]|\.\*)?)\.(message|author\.(name|email)|committer\.(name|email))\b/;
const MERGE_GROUP_TEXT = /github\.event\.merge_group\.head_commit\.(message|author\.\w+)\b/;
const WORKFLOW_RUN_TEXT =
  /github\.event\.workflow_run\.(head_branch|display_title|head_commit\.(message|author\.\w+|committer\.\w+)|pull_requests.*\.head\.ref|head_repository\.description)\b/;
const PAGES_TEXT = /github\.event\.pages.*\.page_name\b/;
const CHECK_TEXT = /github\.event\.(check_suite|check_run\.check_suite)\.head_branch\b/;
const WHOLE_EVENT =
  /toJSON\(\s*github\.event(\.(issue|pull_request|comment|review|discussion))?\s*\)/;

/** The contexts an outsider writes, per trigger (GitHub's "untrusted input" list, by event). */
const TEXT_BY_TRIGGER: Record<string, readonly RegExp[]> = {
  pull_request: [PR_TEXT, COMMIT_TEXT, WHOLE_EVENT],
  pull_request_target: [PR_TEXT, WHOLE_EVENT],
  pull_request_review: [PR_TEXT, REVIEW_TEXT, WHOLE_EVENT],
  pull_request_review_comment: [PR_TEXT, COMMENT_TEXT, WHOLE_EVENT],
  issues: [ISSUE_TEXT, WHOLE_EVENT],
  issue_comment: [ISSUE_TEXT, COMMENT_TEXT, WHOLE_EVENT],
  discussion: [DISCUSSION_TEXT, WHOLE_EVENT],
  discussion_comment: [DISCUSSION_TEXT, COMMENT_TEXT, WHOLE_EVENT],
  // A pushed commit may be a merged outside contribution: its message and author are theirs.
  push: [COMMIT_TEXT],
  merge_group: [MERGE_GROUP_TEXT],
  workflow_run: [WORKFLOW_RUN_TEXT],
  gollum: [PAGES_TEXT],
  check_suite: [CHECK_TEXT],
  check_run: [CHECK_TEXT],
  // The caller's event is unknown: anything an outsider could have written may arrive.
  workflow_call: [
    PR_TEXT,
    ISSUE_TEXT,
    COMMENT_TEXT,
    REVIEW_TEXT,
    DISCUSSION_TEXT,
    COMMIT_TEXT,
    WORKFLOW_RUN_TEXT,
    WHOLE_EVENT,
  ],
};

/** Contexts that name a pull request's head: checking them out runs the contributor's code. */
const HEAD_REF =
  /github\.event\.pull_request\.(head\.(sha|ref|repo\.full_name)|merge_commit_sha)\b|github\.head_ref\b|github\.event\.workflow_run\.(head_sha|head_branch|head_repository\.full_name)\b|refs\/pull\//;

/** Shell or script text that looks up a PR head (gh pr view, the REST pulls API, a pull ref). */
const HEAD_LOOKUP =
  /headRefOid|headRefName|headRepository|head\.sha|head\.ref|head_sha|\.head\.repo|refs\/pull\/|pull\/[^\s'"]*\/(head|merge)/;

/** github-script text that reads outsider text from the event payload. */
const SCRIPT_TEXT =
  /context\.payload\.(comment|issue|pull_request|review|discussion)\.(body|title)|head\.ref\b|headRefName/;

/** Actions whose outputs are a PR head or outsider text, by `owner/repo`. */
const ACTION_OUTPUTS: Record<string, Taint> = {
  'xt0rted/pull-request-comment-branch': BOTH,
  'tj-actions/changed-files': TEXT,
  'tj-actions/branch-names': BOTH,
};

/** Actions that bring another run's artifacts in: under workflow_run they are the PR's. */
const ARTIFACT_DOWNLOAD =
  /^(actions\/download-artifact|dawidd6\/action-download-artifact)@|listWorkflowRunArtifacts|downloadArtifact/;

/** Triggers that run with secrets and a write token even for an outsider's input. */
export const PRIVILEGED_TRIGGERS = new Set([
  'pull_request_target',
  'issue_comment',
  'issues',
  'discussion',
  'discussion_comment',
  'workflow_run',
  'push',
  'merge_group',
  'gollum',
  'check_suite',
  'check_run',
  'pull_request_review',
  'pull_request_review_comment',
]);

/** Which data an attacker controls in one workflow, and where it flows. */
export interface TaintModel {
  /** The triggers that make any context attacker-controlled. */
  readonly triggers: readonly string[];
  /** Taint of one `${{ }}` expression's text, in the scope of a job (needs / step outputs). */
  expression(expression: string, job: JobModel, before: number): Taint;
  /** Taint of the env variables visible to a step (workflow, job and step env). */
  env(job: JobModel, step: StepModel): ReadonlyMap<string, Taint>;
  /** Whether a step runs after another run's artifacts were downloaded in a workflow_run job. */
  afterArtifacts(job: JobModel, index: number): boolean;
}

function union(...taints: Taint[]): Taint {
  const result = new Set<TaintKind>();
  for (const taint of taints) for (const kind of taint) result.add(kind);
  return result.size === 0 ? NONE : result;
}

/** Builds the taint model of a workflow: pure, from the parsed model only. */
export function taintOf(workflow: WorkflowModel): TaintModel {
  const textPatterns = workflow.triggers.flatMap((trigger) => TEXT_BY_TRIGGER[trigger] ?? []);
  const base = (expression: string): Taint => {
    const text = textPatterns.some((pattern) => pattern.test(expression));
    const head = HEAD_REF.test(expression);
    return text && head ? BOTH : text ? TEXT : head ? HEAD : NONE;
  };
  // job id -> output name -> taint; step outputs: job id -> step id -> taint
  const jobOutputs = new Map<string, Map<string, Taint>>();
  const stepOutputs = new Map<string, Map<string, Taint>>();
  const artifactsAt = new Map<string, number>();

  const expression = (text: string, job: JobModel, before: number): Taint => {
    const taints: Taint[] = [base(text)];
    for (const match of text.matchAll(/\bneeds\.([\w-]+)\.outputs\.([\w-]+)/g))
      taints.push(jobOutputs.get(match[1] ?? '')?.get(match[2] ?? '') ?? NONE);
    const steps = stepOutputs.get(job.id);
    for (const match of text.matchAll(/\bsteps\.([\w-]+)\.outputs\b/g)) {
      const index = job.steps.findIndex((step) => step.id === match[1]);
      if (index !== -1 && index < before) taints.push(steps?.get(match[1] ?? '') ?? NONE);
    }
    return union(...taints);
  };
  const valueTaint = (value: Located | null | undefined, job: JobModel, before: number): Taint =>
    value == null
      ? NONE
      : union(
          ...expressionsOf(value.value).map((item) => expression(item.expression, job, before)),
        );

  const env = (job: JobModel, step: StepModel): Map<string, Taint> => {
    const before = job.steps.indexOf(step);
    const result = new Map<string, Taint>();
    for (const scope of [workflow.env, job.env, step.env])
      for (const [name, value] of scope) result.set(name, valueTaint(value, job, before));
    return result;
  };

  // Two passes, so a job's outputs reach jobs that are written before it.
  for (let pass = 0; pass < 2; pass++) {
    for (const job of workflow.jobs) {
      const outputs = new Map<string, Taint>();
      stepOutputs.set(job.id, outputs);
      job.steps.forEach((step, index) => {
        const uses = step.uses?.value ?? '';
        if (
          workflow.triggers.includes('workflow_run') &&
          !artifactsAt.has(job.id) &&
          (ARTIFACT_DOWNLOAD.test(uses) ||
            ARTIFACT_DOWNLOAD.test(step.with.get('script')?.value ?? ''))
        )
          artifactsAt.set(job.id, index);
        if (step.id === null) return;
        const taints: Taint[] = [];
        const owner = uses.split('@')[0] ?? '';
        taints.push(ACTION_OUTPUTS[owner] ?? NONE);
        if (/^actions\/github-script@/.test(uses)) {
          const script = step.with.get('script');
          taints.push(valueTaint(script, job, index));
          if (script !== undefined && SCRIPT_TEXT.test(script.value)) taints.push(TEXT);
          if (script !== undefined && HEAD_LOOKUP.test(script.value)) taints.push(HEAD);
        }
        const run = step.run;
        if (run !== null && /GITHUB_OUTPUT|set-output/.test(run.value)) {
          const vars = env(job, step);
          taints.push(valueTaint(run, job, index));
          for (const [name, taint] of vars)
            if (new RegExp(`\\$\\{?${name}\\b`).test(run.value)) taints.push(taint);
          if (HEAD_LOOKUP.test(run.value)) taints.push(HEAD);
          if (/headRefName|head\.ref|head_ref/.test(run.value)) taints.push(TEXT);
          const since = artifactsAt.get(job.id);
          if (since !== undefined && since < index) taints.push(TEXT);
        }
        outputs.set(step.id, union(...taints));
      });
      const exported = new Map<string, Taint>();
      for (const [name, value] of job.outputs)
        exported.set(name, valueTaint(value, job, job.steps.length));
      jobOutputs.set(job.id, exported);
    }
  }

  return {
    triggers: workflow.triggers,
    expression,
    env,
    afterArtifacts: (job, index) => {
      const since = artifactsAt.get(job.id);
      return since !== undefined && since < index;
    },
  };
}

import { header } from './_steps';

/** A caller of the reusable playbook workflow, run by hand from the Actions UI. */
export function playbookCaller(options: {
  uses: string;
  rcRepository: string;
  rcRef: string;
  regenerate: string;
}): string {
  return `${header('Playbook fan-out: run a master plan with one runner per task (Phoenix time).', options.regenerate)}
name: rc-playbook

on:
  workflow_dispatch:
    inputs:
      plan:
        description: the master plan file
        type: string
        default: docs/master-plan.md

permissions: {}

env:
  TZ: America/Phoenix

concurrency:
  group: \${{ github.workflow }}-\${{ inputs.plan }}
  cancel-in-progress: false

jobs:
  playbook:
    # Task runners push rc/<task-id>; the fan-in pushes the merges to this branch.
    permissions:
      contents: write
    uses: ${options.uses}
    with:
      plan: \${{ inputs.plan }}
      rc-repository: ${options.rcRepository}
      rc-ref: ${options.rcRef}
      # The agent and how each task runner installs its CLI (pin the version you tested).
      agent: codex
      agent-install: npm install --global --ignore-scripts --no-audit --no-fund @openai/codex
    secrets:
      OPENAI_API_KEY: \${{ secrets.OPENAI_API_KEY }}
`;
}

/**
 * A starter `orchestration.yaml`: who may command rc, and where prompts live, every value that
 * differs between projects written out with what it means (rc's defaults are no team, no label).
 * Its first line points editors (yaml-language-server) at the schema of the very rc commit the
 * workflows run.
 */
export function starterConfig(
  rc: { repository: string; ref: string },
  project: { allowedTeams: readonly string[]; requiredLabel: string | null },
): string {
  const teams = `[${project.allowedTeams.join(', ')}]`;
  // Single-quoted YAML: every character stands for itself but the quote, written twice.
  const label =
    project.requiredLabel === null ? 'null' : `'${project.requiredLabel.replaceAll("'", "''")}'`;
  return `# yaml-language-server: $schema=https://raw.githubusercontent.com/${rc.repository}/${rc.ref}/packages/orchestrator-core/schema.json
# rc configuration (completion and errors in editors through the schema above). Paths are
# relative to this file. Times are Phoenix time (America/Phoenix, UTC-7, no DST).
version: 1
gate:
  # Who may comment /orchestrate: a collaborator with this role or higher (read, triage, write,
  # maintain, admin), or an active member of one of allowed_teams.
  allowed_roles: [maintain]
  # Teams whose members may command rc whatever their role, as org/team-slug (a bare slug is a
  # team of the repository owner). [] means no team: the role alone decides.
  allowed_teams: ${teams}
  # A label the issue must carry before rc acts on it, e.g. 'rc:ready'; null means no label.
  required_label: ${label}
  # Ask GitHub for the commenter's role (the workflow's token).
  role_sources: [api]
dispatch:
  # Where helper prompts live: /orchestrate prompt=NAME runs prompts_dir/NAME.md.
  prompts_dir: prompts/orchestrator
  # The workflow rc dispatches (workflow_dispatch) with inputs issue, prompt, run_id, envelope.
  workflow: rc-orchestrator
  ref: main
  # A label the issue must carry for a dispatch (checked again when the command names another
  # issue); null means no label.
  required_label: ${label}
`;
}

/** The starter helper prompt that `/orchestrate prompt=triage` selects. */
export function starterPrompt(): string {
  return `# Triage

You are helping maintainers triage a GitHub issue. Read the issue, restate the problem in two
sentences, list what is missing to act on it, and propose the next step.
`;
}

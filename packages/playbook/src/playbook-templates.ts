/** The seed playbook's templates that `rc playbook init` writes, by file name. */
export const PLAYBOOK_TEMPLATES: Readonly<Record<string, string>> = {
  'master-plan.md': `# Program Goal
- Goal:
- Scope:
- Non-goals:

# Phase Tree
## Phase P1: <name>
- Outcome:
- Workstreams:
  - UI:
  - Core:
  - Infrastructure:
  - Test:
  - Docs:

## Branch Backlog
<!-- Scope: paths or globs the task may change (comma separated). Checks: commands, ";" separated. -->
| Branch ID | Objective | Owner Skill | Dependencies | Done Criteria | Scope | Checks |
|---|---|---|---|---|---|---|
| P1-CORE-01 | Core service | development-implementer | - | unit tests pass | src/core/ | npm test |
| P1-UI-01 | UI for it | development-implementer | P1-CORE-01 | page renders | src/ui/ | npm test |
| P1-DOC-01 | Document it | technical-writer | - | docs updated | docs/ | |
`,
  'dispatch-ticket.md': `## Dispatch Ticket: <task-id>
- Objective:
- Owner Skill:
- Inputs:
- Commands/Checks:
- Expected Artifacts:
- Risks:
- Exit Criteria:
`,
  'execution-card.md': `## Codex Execution Card: <task-id>
- Skill:
- Goal:
- Allowed Scope:
  - Files/paths:
  - Prohibited areas:
- Commands to run:
- Tests/checks to run:
- Evidence to capture:
- Completion criteria:
`,
  'evidence-ledger.md': `| Task ID | Owner Skill | Evidence | Result | Next Action |
|---|---|---|---|---|
| P1-UI-01 | development-implementer | diff + unit tests | pass | move next |
| P1-QA-01 | qa-test-engineer | regression report | partial | split branch |
| P1-DOC-01 | technical-writer | updated docs paths | pass | close branch |
`,
};

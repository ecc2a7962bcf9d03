#!/usr/bin/env node
// SCRIPTED AGENT, NOT AN AI: a stand-in for codex/claude/gemini in the demo and tests. It reads
// the execution card on stdin (rc also sets RC_TASK_ID, RC_CARD_FILE, RC_WORKTREE, RC_BRANCH)
// and writes a fixed answer for each example task, so `rc playbook run` can be shown offline.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const task = process.env.RC_TASK_ID ?? '';
const card = readFileSync(0, 'utf8');
const answers = {
  'P1-CORE-01': {
    'src/core/settings.mjs':
      "export const defaults = { theme: 'light', language: 'en' };\nexport function loadSettings(saved = {}) {\n  return { ...defaults, ...saved };\n}\n",
  },
  'P1-DOC-01': {
    'docs/settings.md':
      '# Settings\n\n- `theme`: light or dark (default light)\n- `language`: a language code (default en)\n',
  },
  'P1-UI-01': {
    'src/ui/settings-page.mjs':
      "import { loadSettings } from '../core/settings.mjs';\nconst page = Object.entries(loadSettings()).map(([key, value]) => `${key}: ${value}`);\nif (page.length !== 2) throw new Error('missing settings');\n",
  },
  'P1-QA-01': {
    'test/settings.test.mjs':
      "import assert from 'node:assert/strict';\nimport { loadSettings } from '../src/core/settings.mjs';\nassert.deepEqual(loadSettings({ theme: 'dark' }), { theme: 'dark', language: 'en' });\n",
  },
};
const files = answers[task];
console.log(`[scripted agent] task ${task}: read a ${card.split('\n').length}-line execution card`);
if (files === undefined) {
  console.log(`[scripted agent] no scripted answer for ${task}; changing nothing`);
  process.exit(0);
}
// A short pause, so that tasks running at the same time visibly overlap.
await new Promise((resolve) =>
  setTimeout(resolve, Number(process.env.SCRIPTED_AGENT_DELAY_MS ?? 300)),
);
for (const [path, text] of Object.entries(files)) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`[scripted agent] wrote ${path}`);
}

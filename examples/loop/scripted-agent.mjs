#!/usr/bin/env node
// SCRIPTED AGENT, NOT AN AI: a stand-in for codex/claude/gemini so `npm run demo` runs offline.
// It reads the prompt file it is given, prints what it "does", appends a line to notes.md, and
// declares the work done (prints the completion marker RC_DONE) on ralph's turn of iteration 2.
import { appendFileSync, readFileSync } from 'node:fs';

const promptFile = process.argv[2];
const prompt = promptFile ? readFileSync(promptFile, 'utf8').split('\n')[0] : '(no prompt)';
const { RC_LOOP_ITERATION: iteration, RC_LOOP_ACTOR: actor, RC_LOOP_PROMPT: name } = process.env;

console.log(`[scripted agent, not an AI] ${actor}, iteration ${iteration}, prompt "${name}"`);
console.log(`prompt says: ${prompt}`);
appendFileSync('notes.md', `- iteration ${iteration}: ${actor} ran ${name}\n`);
if (actor === 'ralph' && iteration === '2') {
  console.log('all tasks finished');
  console.log('RC_DONE');
}

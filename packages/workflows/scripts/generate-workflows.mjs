// Writes rc's own workflows into the repository's .github/workflows/ from the built templates.
// Run through `npm run generate -w @rc/workflows` (builds first); a test fails when they drift.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderWorkflows } from '../dist/index.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
for (const file of renderWorkflows()) {
  const target = join(root, file.path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, file.text, 'utf8');
  process.stdout.write(`wrote ${file.path}\n`);
}

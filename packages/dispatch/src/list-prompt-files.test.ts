import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidInputError } from '@rc/orchestrator-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listPromptFiles } from './list-prompt-files';

const FIXTURE_PROMPTS = fileURLToPath(new URL('../test/fixtures/prompts', import.meta.url));

describe('listPromptFiles', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rc-dispatch-prompts-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists the fixture prompts directory', async () => {
    expect(await listPromptFiles(FIXTURE_PROMPTS)).toEqual(['276-orchestrator.md', 'triage.md']);
  });

  it('lists only regular .md files, sorted, skipping directories, symlinks and other files', async () => {
    await writeFile(join(dir, 'triage.md'), '# triage');
    await writeFile(join(dir, '276.md'), '# 276');
    await writeFile(join(dir, 'notes.txt'), 'x');
    await writeFile(join(dir, '.md'), 'x');
    await mkdir(join(dir, 'dir.md'));
    await symlink(join(dir, 'triage.md'), join(dir, 'link.md'));
    expect(await listPromptFiles(dir)).toEqual(['276.md', 'triage.md']);
  });

  it('returns [] for a missing directory', async () => {
    expect(await listPromptFiles(join(dir, 'project', 'prompts', 'wave2'))).toEqual([]);
  });

  it('rejects a path that is a file', async () => {
    await writeFile(join(dir, 'file'), 'x');
    await expect(listPromptFiles(join(dir, 'file'))).rejects.toThrow(InvalidInputError);
  });

  it('passes on other errors', async () => {
    await expect(listPromptFiles('\0bad')).rejects.not.toBeInstanceOf(InvalidInputError);
  });
});

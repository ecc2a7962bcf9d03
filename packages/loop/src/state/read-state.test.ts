import { mkdtemp, mkdir, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialState } from './orchestration-state';
import { parseState, readState } from './read-state';
import { writeState } from './write-state';

describe('readState / writeState', () => {
  it('round-trips canonical JSON, says null when missing, and refuses a directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rc-state-'));
    try {
      const path = join(dir, 'sync/state.json');
      expect(await readState(path)).toBeNull();
      const state = initialState('2026-11-20T09:15:00.000-07:00');
      await writeState(path, state, { redactValue: (value) => value });
      expect(await readState(path)).toEqual(state);
      expect((await readFile(path, 'utf8')).endsWith('}\n')).toBe(true);
      await mkdir(join(dir, 'dir.json'));
      await expect(readState(join(dir, 'dir.json'), 'dir.json')).rejects.toThrow(
        /cannot read dir.json/,
      );
      await writeFile(path, '[]');
      expect(() => parseState('[]', 'x')).toThrow('x is not a valid loop state:');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

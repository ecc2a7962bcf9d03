import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleEvent, runRc } from './_harness';

// The runner reads workflow commands from both streams: `::name::` at the start of a line and the
// legacy `##[name]` anywhere in one. A comment's text that rc echoes must not become either.
const HOSTILE = [
  '/orchestrate #276 prompt="##[set-output name=allowed;]true"',
  '/orchestrate #276 prompt=x\n::set-output name=allowed::true',
  '/orchestrate #276 prompt="::add-mask::visible ##[stop-commands]halt"',
];
const COMMAND_IN_A_LINE = /^\s*::|##\[/m;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rc-wf-commands-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function eventWith(body: string, name: string): Promise<string> {
  const event = JSON.parse(await readFile(exampleEvent, 'utf8')) as { comment: { body: string } };
  event.comment.body = body;
  const path = join(dir, `${name}.json`);
  await writeFile(path, JSON.stringify(event));
  return path;
}

describe('rc inside GitHub Actions with a hostile comment', () => {
  it.each(HOSTILE.map((body, index) => [index, body] as const))(
    'prints no workflow command from comment %i on stdout or stderr',
    async (index, body) => {
      const eventPath = await eventWith(body, `event-${index}`);
      for (const args of [
        ['orchestrator', 'parse', '--event-path', eventPath],
        [
          'orchestrator',
          'plan',
          '--event-path',
          eventPath,
          '--json',
          '--run-id',
          '2026-11-20T09-15-00-0700',
        ],
      ]) {
        const inActions = await runRc(args, { env: { GITHUB_ACTIONS: 'true' }, cwd: dir });
        expect(inActions.stdout).not.toMatch(COMMAND_IN_A_LINE);
        expect(inActions.stderr).not.toMatch(COMMAND_IN_A_LINE);
        expect([0, 2]).toContain(inActions.code);
      }
    },
  );

  it('keeps JSON output equal in value to what it is outside Actions', async () => {
    const eventPath = await eventWith('/orchestrate #276 prompt=triage', 'plain');
    const args = ['orchestrator', 'parse', '--event-path', eventPath];
    const outside = await runRc(args, { cwd: dir });
    const inside = await runRc(args, { env: { GITHUB_ACTIONS: 'true' }, cwd: dir });
    expect(inside.code).toBe(0);
    expect(JSON.parse(inside.stdout)).toEqual(JSON.parse(outside.stdout));
  });
});

import { LoopConfigSchema } from '@rc/orchestrator-core';
import { describe, expect, it } from 'vitest';
import { decideRoute, routerAllowlist } from './decide-route';

const config = LoopConfigSchema.parse({
  actors: { galph: { prompt: 'supervisor', prompts: ['supervisor', 'debug'] } },
  router: { enabled: true },
});

describe('decideRoute', () => {
  it('takes the last RC_ROUTE line and drops a .md suffix', () => {
    expect(
      decideRoute('thinking\nRC_ROUTE: supervisor\n  RC_ROUTE: debug.md  \nbye\n', config),
    ).toEqual({
      ok: true,
      value: { actor: 'galph', prompt: 'debug', allowlist: ['supervisor', 'debug'] },
    });
  });

  it.each([
    ['RC_ROUTE: main', 'router: chose "main", which is not in the allowlist (supervisor, debug)'],
    ['route: debug', 'router: no "RC_ROUTE: <prompt>" line in the router\'s output'],
  ])('refuses %s', (output, issue) => {
    expect(decideRoute(output, config)).toEqual({ ok: false, issues: [issue] });
  });

  it('uses router.allowlist when it is set', () => {
    const custom = LoopConfigSchema.parse({ router: { allowlist: ['a', 'b', 'a'] } });
    expect(routerAllowlist(custom)).toEqual(['a', 'b']);
    expect(routerAllowlist(LoopConfigSchema.parse({}))).toEqual(['supervisor']);
  });
});

import { describe, expect, it } from 'vitest';
import { classifyExit, type ExitFacts, type ExitOutcome } from './classify-exit';

describe('classifyExit', () => {
  it.each<[ExitFacts, ExitOutcome]>([
    [{ exitCode: 0, signal: null }, 'success'],
    [{ exitCode: 3, signal: null }, 'failure'],
    [{ exitCode: null, signal: 'SIGKILL' }, 'killed'],
    [{ exitCode: null, signal: 'SIGTERM', stoppedBy: 'timeout' }, 'timeout'],
    [{ exitCode: 0, signal: null, stoppedBy: 'idle_timeout' }, 'idle_timeout'],
    [{ exitCode: 143, signal: null, stoppedBy: 'abort' }, 'killed'],
    [{ exitCode: null, signal: null, errorCode: 'ENOENT' }, 'not_found'],
    [{ exitCode: null, signal: null, errorCode: 'EACCES' }, 'not_found'],
  ])('classifies %j as %s', (facts, outcome) => {
    expect(classifyExit(facts)).toBe(outcome);
  });
});

import { describe, expect, it } from 'vitest';
import { processIo } from '../src/process-io';

describe('processIo', () => {
  it('wires the real process streams, environment, directory and clock', () => {
    const io = processIo();
    expect(io.stdout).toBe(process.stdout);
    expect(io.stderr).toBe(process.stderr);
    expect(io.env).toBe(process.env);
    expect(io.cwd).toBe(process.cwd());
    expect(Math.abs(io.clock().getTime() - Date.now())).toBeLessThan(5_000);
  });

  it('writes straight to file descriptors 1 and 2 when asked (the plan does)', () => {
    const io = processIo({ direct: true });
    expect(io.stdout).not.toBe(process.stdout);
    expect(io.stderr).not.toBe(process.stderr);
    expect(typeof io.stdout.write).toBe('function');
  });
});

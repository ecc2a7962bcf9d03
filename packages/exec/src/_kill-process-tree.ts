/**
 * Signals a whole process group (the child was started detached, so its pid is the group id),
 * falling back to the child alone. Errors mean the group is already gone.
 */
export function killProcessTree(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

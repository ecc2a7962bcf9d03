/** A duration for people: `0.4s`, `59.9s`, `5m00s`, `1h05m00s`. Pure. */
export function formatDuration(ms: number): string {
  // Below 59.95 s, one decimal; from there whole seconds (59.99 s is 1m00s, never 60.0s).
  if (ms < 59_950) return `${(Math.max(0, ms) / 1000).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  return h > 0 ? `${h}h${pad(m)}m${pad(s)}s` : `${m}m${pad(s)}s`;
}

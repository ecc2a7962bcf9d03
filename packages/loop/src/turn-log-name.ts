/**
 * The transcript file name of a turn: `<iteration>-<actor>-<prompt>.log`, and for a turn run
 * again after an interruption `<iteration>-<actor>-<prompt>.<attempt>.log`, so the interrupted
 * transcript is kept. Pure.
 */
export function turnLogName(iteration: number, actor: string, prompt: string, attempt = 0): string {
  return `${iteration}-${actor}-${prompt}${attempt === 0 ? '' : `.${attempt}`}.log`;
}

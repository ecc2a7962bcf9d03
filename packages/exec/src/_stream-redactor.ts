import { REDACTED, type TextRedactor } from '@rc/orchestrator-core';

/** Options of {@link StreamRedactor}. */
export interface StreamRedactorOptions {
  /** Masks secrets in a piece of text; used as a black box. */
  redactor: TextRedactor;
  /**
   * The longest literal text `redactor` masks (a secret or an encoded form of it). The last
   * `overlap` characters are held back until more text arrives, so no secret is cut in two.
   */
  overlap: number;
  /**
   * How much text may wait for a clean cut before memory pressure forces one. @default 65536
   */
  window?: number;
}

const DEFAULT_WINDOW = 64 * 1024;
// Cut positions tried per step; each costs two calls of the redactor on the pending text.
const TRIES = 12;
const MARKER_RUN = new RegExp(`(?:${REDACTED.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})+`, 'g');

/**
 * Redacts text that arrives in pieces so that the result is exactly what redacting all of it at
 * once gives, while holding only a bounded amount of it.
 *
 * Text is written only up to a clean cut: a position no masked span crosses or touches, checked
 * with the redactor itself (redacting both sides apart gives what redacting them together gives).
 * What a later piece could still change is held back: the last `overlap` characters (a literal
 * secret may start there) and a trailing run of word characters `[A-Za-z0-9_]` (a GitHub token
 * may be growing there; token shapes have no length limit). So the written text lags the input
 * by that much until more arrives or the input ends.
 *
 * Bounded memory has one price: when no clean cut appears within `window` characters (a run of
 * word characters that long, or secrets overlapping one another for that long), the text without
 * a cut is replaced whole by one marker, up to the next clean cut after it. Nothing secret is
 * written then either, but the transcript differs from redacting all at once.
 */
export class StreamRedactor {
  private readonly redactor: TextRedactor;
  private readonly overlap: number;
  private readonly window: number;
  private pending = '';
  /** A marker stands for the text before `pending[context]` and on to the next clean cut. */
  private masking = false;
  private context = 0;

  constructor(options: StreamRedactorOptions) {
    this.redactor = options.redactor;
    this.overlap = Math.max(0, Math.floor(options.overlap));
    this.window = Math.max(1, options.window ?? DEFAULT_WINDOW);
  }

  /** Characters held right now; stays below `window + 2 * overlap` plus the latest piece. */
  get held(): number {
    return this.pending.length;
  }

  /** Takes the next piece and returns the redacted text that can be written now. */
  push(piece: string): string {
    this.pending += piece;
    let out = '';
    for (let step = this.step(false); step !== null; step = this.step(false)) out += step;
    return out;
  }

  /** Returns the rest, redacted: the output has ended. */
  end(): string {
    const out = this.step(true) ?? '';
    this.pending = '';
    this.masking = false;
    this.context = 0;
    return out;
  }

  private step(final: boolean): string | null {
    const text = this.pending;
    const run = wordRunStart(text);
    // Not right at a trailing run either: a secret ending there and a token growing from there
    // would be one masked stretch once the token is whole.
    const ahead = run < text.length ? run - 1 : run;
    const limit = final ? text.length : Math.min(text.length - this.overlap, ahead);
    if (this.masking) return this.resume(text, limit, final);
    if (final) return text === '' ? null : this.redactor.redact(text);
    const pressed = text.length > this.window + this.overlap;
    if (limit >= 1) {
      const cut = this.cleanCut(text, downward(text, limit, 1, this.stride()), pressed);
      if (cut !== null) {
        this.pending = text.slice(cut.at);
        return cut.left;
      }
    }
    if (!pressed) return null;
    // No clean cut in the window: write what comes before the trouble, then one marker for it.
    const entry = Math.min(text.length - this.overlap, run);
    const cut =
      entry >= 1 ? this.cleanCut(text, downward(text, entry, 1, this.stride()), true) : null;
    const start = cut?.at ?? 0;
    const masked = Math.max(start + 1, text.length - this.overlap);
    this.keepContext(text, masked);
    this.masking = true;
    return `${cut?.left ?? ''}${REDACTED}`;
  }

  /** While masking: drop text up to the first clean cut after the masked part, then go on. */
  private resume(text: string, limit: number, final: boolean): string | null {
    for (const at of upward(text, this.context, limit, this.stride())) {
      if (!this.clean(text, at, true)) continue;
      this.pending = text.slice(at);
      this.masking = false;
      this.context = 0;
      return final ? this.redactor.redact(this.pending) : '';
    }
    if (final) return null;
    if (text.length > this.window + 2 * this.overlap) {
      this.keepContext(text, text.length - this.overlap);
    }
    return null;
  }

  /** Keeps `overlap` characters before `masked` as context for finding the next clean cut. */
  private keepContext(text: string, masked: number): void {
    const from = Math.max(0, masked - this.overlap);
    this.pending = text.slice(from);
    this.context = masked - from;
  }

  /** The first clean candidate (under pressure, the first loosely clean one), its left redacted. */
  private cleanCut(
    text: string,
    candidates: Iterable<number>,
    relaxed: boolean,
  ): { at: number; left: string } | null {
    let loose: number | null = null;
    for (const at of candidates) {
      if (this.clean(text, at, false)) return { at, left: this.redactor.redact(text.slice(0, at)) };
      if (relaxed && loose === null && this.clean(text, at, true)) loose = at;
    }
    return loose === null ? null : { at: loose, left: this.redactor.redact(text.slice(0, loose)) };
  }

  /**
   * Whether cutting at `at` changes nothing: redacting the text around the cut in two pieces
   * gives what redacting it in one gives (`loose`: up to adjacent markers merging into one).
   * The text around holds every span that can contain or touch the cut: `overlap` characters
   * each side for a literal secret, and the whole word run the cut is in or next to for a token.
   * (A span elsewhere is the same in both, so it cannot make them differ.)
   */
  private clean(text: string, at: number, loose: boolean): boolean {
    let before = at;
    while (before > 0 && isWord(text.charCodeAt(before - 1))) before--;
    let after = at;
    while (after < text.length && isWord(text.charCodeAt(after))) after++;
    const from = Math.max(0, Math.min(at - this.overlap - 1, before));
    const to = Math.min(text.length, Math.max(at + this.overlap + 1, after));
    const whole = this.redactor.redact(text.slice(from, to));
    const apart =
      this.redactor.redact(text.slice(from, at)) + this.redactor.redact(text.slice(at, to));
    return apart === whole || (loose && collapse(apart) === collapse(whole));
  }

  // How far apart candidate cuts start: a secret spans at most `overlap` characters.
  private stride(): number {
    return Math.max(16, this.overlap);
  }
}

/** Where the run of word characters at the end of `text` starts (`text.length` if none). */
function wordRunStart(text: string): number {
  let at = text.length;
  while (at > 0 && isWord(text.charCodeAt(at - 1))) at--;
  return at;
}

/** `from`, then positions further down at doubling distances, each moved to a word boundary. */
function* downward(text: string, from: number, floor: number, step: number): Generator<number> {
  const seen = new Set<number>();
  for (let distance = 0, tries = 0; from - distance + step > floor && tries < TRIES; tries++) {
    const at = snapDown(text, Math.max(floor, from - distance), floor);
    if (at !== null && !seen.has(at)) {
      seen.add(at);
      yield at;
    }
    distance = distance === 0 ? step : distance * 2;
  }
}

/** Positions from `from` up to `ceiling` at doubling distances, never inside a word run. */
function* upward(text: string, from: number, ceiling: number, step: number): Generator<number> {
  const seen = new Set<number>();
  for (let distance = 0, tries = 0; from + distance <= ceiling && tries < TRIES; tries++) {
    const at = snapUp(text, from + distance, ceiling);
    if (at !== null && !seen.has(at)) {
      seen.add(at);
      yield at;
    }
    distance = distance === 0 ? step : distance * 2;
  }
  if (!seen.has(ceiling) && ceiling >= from && outsideWordRun(text, ceiling)) yield ceiling;
}

// Prefer a cut after white space or between a word and a non-word character: secrets are
// mostly words, so such a cut is usually clean. Never between the halves of a surrogate pair.
function snapDown(text: string, at: number, floor: number): number | null {
  for (let probe = at; probe >= Math.max(floor, at - 64); probe--) {
    if (boundary(text, probe)) return probe;
  }
  if (!isHighSurrogate(text.charCodeAt(at - 1))) return at;
  return at - 1 >= floor ? at - 1 : null;
}

// A masked stretch may end inside a word run whose start was dropped: a token's tail would then
// not look like a token any more. So text is resumed only where no word run continues.
function snapUp(text: string, at: number, ceiling: number): number | null {
  for (let probe = at; probe <= ceiling; probe++) {
    if (outsideWordRun(text, probe)) return probe;
  }
  return null;
}

function boundary(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const before = text.charCodeAt(at - 1);
  if (isHighSurrogate(before)) return false;
  return isSpace(before) || isWord(before) !== isWord(text.charCodeAt(at));
}

function outsideWordRun(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  if (isHighSurrogate(before)) return false;
  return !(isWord(before) && isWord(text.charCodeAt(at)));
}

function collapse(text: string): string {
  return text.replace(MARKER_RUN, REDACTED);
}

function isWord(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95
  );
}

function isSpace(code: number): boolean {
  return code === 10 || code === 32 || code === 9 || code === 13;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

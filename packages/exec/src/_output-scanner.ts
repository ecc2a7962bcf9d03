// Longest partial line kept between chunks; a longer line cannot equal a watched line anyway.
const MAX_CARRY = 4096;

/**
 * Scans streamed output in constant memory: remembers which watched lines appeared (whole line,
 * surrounding spaces ignored) and keeps the last `tailBytes` characters for error messages.
 */
export class OutputScanner {
  readonly seen = new Set<string>();
  private carry = '';
  private tailText = '';

  constructor(
    private readonly watch: readonly string[],
    private readonly tailBytes: number,
  ) {}

  push(chunk: string): void {
    this.tailText = (this.tailText + chunk).slice(-this.tailBytes);
    if (this.watch.length === 0) return;
    const lines = (this.carry + chunk).split(/\r?\n/);
    this.carry = (lines.pop() ?? '').slice(-MAX_CARRY);
    for (const line of lines) this.check(line);
  }

  finish(): void {
    this.check(this.carry);
    this.carry = '';
  }

  get tail(): string {
    return this.tailText;
  }

  private check(line: string): void {
    const trimmed = line.trim();
    if (this.watch.includes(trimmed)) this.seen.add(trimmed);
  }
}

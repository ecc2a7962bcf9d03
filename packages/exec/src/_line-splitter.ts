// Longest line passed on whole; a longer one is passed on in pieces of this size.
const MAX_LINE = 65_536;

/** Splits streamed text into lines (without their `\n` or `\r\n`), in bounded memory. */
export class LineSplitter {
  private carry = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: string): void {
    const lines = (this.carry + chunk).split(/\r?\n/);
    this.carry = lines.pop() ?? '';
    for (const line of lines) this.onLine(line);
    while (this.carry.length > MAX_LINE) {
      this.onLine(this.carry.slice(0, MAX_LINE));
      this.carry = this.carry.slice(MAX_LINE);
    }
  }

  finish(): void {
    if (this.carry !== '') this.onLine(this.carry);
    this.carry = '';
  }
}

/** A Markdown table row with the 1-based line it came from. */
export interface _TableRow {
  line: number;
  cells: string[];
}

/** A Markdown table: lower-cased header cells and the data rows. */
export interface _Table {
  headerLine: number;
  header: string[];
  rows: _TableRow[];
}

const isRow = (text: string) => text.trim().startsWith('|');
const isDelimiter = (cells: string[]) => cells.every((cell) => /^:?-{1,}:?$/.test(cell.trim()));

/** Splits `| a | b \| c |` into cells, honouring `\|` escapes. */
export function _splitRow(text: string): string[] {
  const body = text.trim().replace(/^\|/, '').replace(/\|$/, '');
  const cells: string[] = [];
  let current = '';
  for (let index = 0; index < body.length; index++) {
    const char = body[index];
    if (char === '\\' && body[index + 1] === '|') {
      current += '|';
      index++;
    } else if (char === '|') {
      cells.push(current.trim());
      current = '';
    } else current += char;
  }
  cells.push(current.trim());
  return cells;
}

/**
 * Finds the tables in Markdown text (header row, delimiter row, data rows). Fenced code blocks
 * are skipped so a template quoted in the plan is not read as the plan.
 */
export function _findTables(lines: readonly string[]): _Table[] {
  const tables: _Table[] = [];
  let fenced = false;
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index] as string;
    if (/^\s*(```|~~~)/.test(text)) {
      fenced = !fenced;
      continue;
    }
    if (fenced || !isRow(text)) continue;
    const next = lines[index + 1];
    if (next === undefined || !isRow(next) || !isDelimiter(_splitRow(next))) continue;
    const table: _Table = {
      headerLine: index + 1,
      header: _splitRow(text).map((cell) => cell.toLowerCase()),
      rows: [],
    };
    index += 2;
    while (index < lines.length && isRow(lines[index] as string)) {
      table.rows.push({ line: index + 1, cells: _splitRow(lines[index] as string) });
      index++;
    }
    index--;
    tables.push(table);
  }
  return tables;
}

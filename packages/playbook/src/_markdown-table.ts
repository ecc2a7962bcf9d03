import MarkdownIt from 'markdown-it';

/** A Markdown table row with the 1-based line it came from. */
interface TableRow {
  line: number;
  cells: string[];
}

/** A Markdown table: lower-cased header cells and the data rows. */
export interface Table {
  headerLine: number;
  header: string[];
  rows: TableRow[];
}

// CommonMark with GFM tables. HTML blocks are recognised (a `<style>` or `<!--` block hides what it
// holds, as CommonMark says); cells are read from their source, so `<br>` reaches the plan as written.
// Only the block structure matters: inline parsing (half the time on a large plan) is skipped.
const markdown = new MarkdownIt('commonmark', { html: true }).enable('table').disable('inline');

/**
 * Finds the GFM tables of Markdown text with markdown-it, so fences, indented code, HTML blocks
 * and tables without leading pipes follow CommonMark: a template quoted in a fence is never read
 * as the plan. Cells keep their source text (a glob's `*` is not emphasis), with `\|` unescaped.
 */
export function findTables(text: string): Table[] {
  const tables: Table[] = [];
  let table: Table | null = null;
  let row: TableRow | null = null;
  let inHead = false;
  for (const token of markdown.parse(text, {})) {
    switch (token.type) {
      case 'table_open':
        table = { headerLine: (token.map?.[0] ?? 0) + 1, header: [], rows: [] };
        break;
      case 'thead_open':
        inHead = true;
        break;
      case 'thead_close':
        inHead = false;
        break;
      case 'tr_open':
        row = { line: (token.map?.[0] ?? 0) + 1, cells: [] };
        break;
      case 'inline':
        row?.cells.push(token.content.trim());
        break;
      case 'tr_close':
        if (table !== null && row !== null) {
          if (inHead) table.header = row.cells.map((cell) => cell.toLowerCase());
          else table.rows.push(row);
        }
        row = null;
        break;
      case 'table_close':
        if (table !== null) tables.push(table);
        table = null;
        break;
    }
  }
  return tables;
}

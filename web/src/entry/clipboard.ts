/** Cells copied from a spreadsheet: rows on newlines, cells on tabs; the final newline is not a row. */
export function parseClipboard(text: string): string[][] {
  const rows = text.replace(/\r\n?/g, '\n').split('\n');
  if (rows.length > 1 && rows.at(-1) === '') rows.pop();
  return rows.map((row) => row.split('\t'));
}

/** Whether a paste holds more than one cell, so that it fills the grid rather than one input. */
export function isBlock(text: string): boolean {
  return /[\t\n\r]/.test(text.replace(/[\r\n]+$/, ''));
}

import type { ClipboardEvent } from 'react';
import { isBlock, parseClipboard } from '../entry/clipboard.ts';

/**
 * A block pasted from a spreadsheet into a cell of a field grid fills the grid from that cell,
 * a line per row and a tab per column, as the clerk's grid does: without this the browser puts
 * a pasted column into the one input. Cells outside the grid, or closed (an item not
 * applicable, a sheet read only), are left out. A single value is left to the input. Cells
 * carry data-grid, data-row, data-col (the state) and data-activity; a row's inputs are its
 * columns in page order.
 */
export function pasteBlock(event: ClipboardEvent<HTMLInputElement>, fill: (activity: string, state: string, text: string) => void): void {
  const text = event.clipboardData.getData('text/plain');
  if (!isBlock(text)) return;
  event.preventDefault();
  const target = event.currentTarget;
  const inputs = [...document.querySelectorAll<HTMLInputElement>(`input[data-grid="${target.dataset.grid}"]`)];
  const rowAt = (row: number) => inputs.filter((input) => input.dataset.row === String(row));
  const row = Number(target.dataset.row);
  const column = rowAt(row).indexOf(target);
  parseClipboard(text).forEach((line, r) => {
    const cells = rowAt(row + r);
    line.forEach((value, c) => {
      const input = cells[column + c];
      if (!input || input.disabled || input.readOnly) return;
      fill(input.dataset.activity!, input.dataset.col!, value.trim());
    });
  });
}

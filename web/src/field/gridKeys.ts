import type { KeyboardEvent } from 'react';

/**
 * Enter moves to the same column one row down, as in a spreadsheet (and on a tablet's
 * keyboard, where Tab is awkward). Cells carry data-grid, data-row and data-col.
 */
export function enterMovesDown(event: KeyboardEvent<HTMLInputElement>): void {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  const { grid, row, col } = event.currentTarget.dataset;
  const next = document.querySelector<HTMLInputElement>(`input[data-grid="${grid}"][data-col="${col}"][data-row="${Number(row) + 1}"]`);
  next?.focus();
  next?.select();
}

import { useQueries } from '@tanstack/react-query';
import { fetchStatuses, statusesKey, type StatusLine, type StatusQuery } from '../entry/api.ts';

export const PAGE_SIZE = 100;

/** The query of one page of the status list. */
export function statusPage(programmeId: string, params: StatusQuery, index: number) {
  return {
    queryKey: statusesKey(programmeId, params, PAGE_SIZE, index * PAGE_SIZE),
    queryFn: () => fetchStatuses(programmeId, params, PAGE_SIZE, index * PAGE_SIZE),
  };
}

/**
 * The pages holding the rows on screen, read only when they come into view: a subtree of
 * thousands of facilities scrolls (or jumps to its end) without reading it all.
 */
export function usePagedStatuses(programmeId: string, params: StatusQuery, rows: readonly number[]) {
  const wanted = [...new Set(rows.map((row) => Math.floor(row / PAGE_SIZE)))];
  const pages = useQueries({ queries: wanted.map((index) => statusPage(programmeId, params, index)) });
  const byIndex = new Map(wanted.map((index, i) => [index, pages[i]?.data]));
  return {
    error: pages.find((result) => result.error)?.error ?? null,
    refetch: () => pages.forEach((result) => result.error && void result.refetch()),
    lineAt: (row: number): StatusLine | undefined => byIndex.get(Math.floor(row / PAGE_SIZE))?.items[row % PAGE_SIZE],
  };
}

import { describe, expect, it } from 'vitest';
import { cumulative, elapsedMonths, linearForecast } from './forecast.ts';

describe('linear forecast of a year', () => {
  const year = (...amounts: number[]) => [...amounts, ...Array<number>(12 - amounts.length).fill(0)];

  it('continues the average month of the months elapsed to December', () => {
    const monthly = year(100, 200, 300);
    expect(elapsedMonths(monthly)).toBe(3);
    expect(linearForecast(monthly, 3)).toBe(600 + 200 * 9);
  });

  it('counts a month without orders inside the elapsed months as a month of nothing', () => {
    const monthly = year(120, 0, 240);
    expect(linearForecast(monthly, elapsedMonths(monthly))).toBe(360 + 120 * 9);
  });

  it('is the actual total once the year is over, and unknown before anything happened', () => {
    const monthly = Array<number>(12).fill(10);
    expect(linearForecast(monthly, elapsedMonths(monthly))).toBe(120);
    expect(linearForecast(year(), elapsedMonths(year()))).toBeNull();
  });

  it('adds up running totals', () => {
    expect(cumulative([1, 2, 3])).toEqual([1, 3, 6]);
  });
});

import { describe, expect, it } from 'vitest';
import { entryText, isBlock, parseClipboard, parseEntry, registerResult, sameAmount, sum } from './numbers.ts';

describe('entered numbers', () => {
  it('reads French and English writing', () => {
    expect(parseEntry('1 234', 'fr')).toEqual({ value: 1234 });
    expect(parseEntry('1\u202f234,5', 'fr')).toEqual({ value: 1234.5 });
    expect(parseEntry('12,5', 'fr')).toEqual({ value: 12.5 });
    expect(parseEntry('12.5', 'fr')).toEqual({ value: 12.5 });
    expect(parseEntry('1,234', 'en')).toEqual({ value: 1234 });
    expect(parseEntry('1,234.5', 'en')).toEqual({ value: 1234.5 });
    expect(parseEntry('1.234,5', 'en')).toEqual({ value: 1234.5 });
    expect(parseEntry('1.234.567', 'fr')).toEqual({ value: 1234567 });
    expect(parseEntry(' 42 ', 'en')).toEqual({ value: 42 });
  });

  it('names what is wrong', () => {
    expect(parseEntry('', 'fr')).toEqual({ empty: true });
    expect(parseEntry('douze', 'fr')).toEqual({ problem: 'notNumber' });
    expect(parseEntry('1,2,3.4,5', 'en')).toEqual({ problem: 'notNumber' });
    expect(parseEntry('-3', 'fr')).toEqual({ problem: 'negative' });
    expect(parseEntry('0,12345', 'fr')).toEqual({ problem: 'decimals' });
    expect(parseEntry('100000000000', 'fr')).toEqual({ problem: 'tooLarge' });
  });

  it('shows a stored value for editing in the reader’s writing', () => {
    expect(entryText(12.5, 'fr')).toBe('12,5');
    expect(entryText(12.5, 'en')).toBe('12.5');
    expect(entryText(undefined, 'fr')).toBe('');
  });

  it('reads spreadsheet cells', () => {
    expect(parseClipboard('1\n2\n3\n')).toEqual([['1'], ['2'], ['3']]);
    expect(parseClipboard('1\t2\r\n3\t4')).toEqual([['1', '2'], ['3', '4']]);
    expect(isBlock('12\n')).toBe(false);
    expect(isBlock('12\n13')).toBe(true);
    expect(isBlock('12\t13')).toBe(true);
  });

  it('adds without float noise', () => {
    expect(sum([0.1, 0.2])).toBe(0.3);
    expect(sameAmount(sum([0.1, 0.2]), 0.3)).toBe(true);
    expect(sameAmount(120, 121)).toBe(false);
  });

  it('checks the grid against the paper register', () => {
    expect(registerResult('', 190, 'fr')).toBe('missing');
    expect(registerResult('cent', 190, 'fr')).toBe('invalid');
    expect(registerResult('190', 190, 'fr')).toBe('matches');
    expect(registerResult('200', 190, 'fr')).toBe('differs');
  });
});

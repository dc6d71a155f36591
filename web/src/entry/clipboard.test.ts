import { describe, expect, it } from 'vitest';
import { isBlock, parseClipboard } from './clipboard.ts';

describe('pasted cells', () => {
  it('reads spreadsheet cells', () => {
    expect(parseClipboard('1\n2\n3\n')).toEqual([['1'], ['2'], ['3']]);
    expect(parseClipboard('1\t2\r\n3\t4')).toEqual([['1', '2'], ['3', '4']]);
    expect(isBlock('12\n')).toBe(false);
    expect(isBlock('12\n13')).toBe(true);
    expect(isBlock('12\t13')).toBe(true);
  });
});

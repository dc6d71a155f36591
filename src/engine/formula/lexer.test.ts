import { describe, expect, it } from 'vitest';
import { LexError, tokenize } from './lexer.ts';

const texts = (source: string) => tokenize(source).map((token) => `${token.type}:${token.text}`);

describe('tokenize', () => {
  it('reads two-character operators as one token', () => {
    expect(texts('a<>b<=c>=d!=e==f')).toEqual([
      'name:a', 'op:<>', 'name:b', 'op:<=', 'name:c', 'op:>=', 'name:d', 'op:!=', 'name:e', 'op:==', 'name:f', 'end:',
    ]);
  });

  it('reads dotted names as one name and keywords whatever their case', () => {
    expect(texts('pkg.act.score and Or NOT android a.and')).toEqual([
      'name:pkg.act.score', 'keyword:and', 'keyword:Or', 'keyword:NOT', 'name:android', 'name:a.and', 'end:',
    ]);
  });

  it('reads number literals, stopping where a second point starts another number', () => {
    expect(texts('12 0.5 .5 1e3 2.5E-2 1.2.3')).toEqual([
      'number:12', 'number:0.5', 'number:.5', 'number:1e3', 'number:2.5E-2', 'number:1.2', 'number:.3', 'end:',
    ]);
  });

  it('skips any whitespace and records offsets, the end token at the length', () => {
    expect(tokenize(' a\t+\n1 ').map(({ start, end }) => [start, end])).toEqual([[1, 2], [3, 4], [5, 6], [7, 7]]);
  });

  it('throws a LexError at the first unreadable character', () => {
    let thrown: unknown;
    try {
      tokenize('a + b # c $');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(LexError);
    expect(thrown).toMatchObject({ char: '#', span: { start: 6, end: 7 } });
  });
});

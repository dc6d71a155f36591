import { describe, expect, it } from 'vitest';
import { jsonShape } from './importJson.ts';

describe('the shape of JSON text, counted before it is parsed', () => {
  it('counts the items of the top-level array, not those nested or inside strings', () => {
    expect(jsonShape('[{"a": [1, 2], "b": "x,y]"}, {"c": "\\"},{"}, 3]')).toEqual({ items: 3, nodes: 8 });
    expect(jsonShape(' [ ] ')).toEqual({ items: 0, nodes: 1 });
    expect(jsonShape('[[]]')).toEqual({ items: 1, nodes: 2 });
  });

  it('counts no items in text that is not an array, but its nodes all the same', () => {
    expect(jsonShape('{"a": 1, "b": [{}, {}]}')).toEqual({ items: 0, nodes: 6 });
    expect(jsonShape('"[1,2,3]"')).toEqual({ items: 0, nodes: 0 });
  });
});

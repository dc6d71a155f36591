import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editingText, formatNumber, parseNumber } from './numbers.ts';

const LOCALES = ['fr', 'en'] as const;
type Locale = (typeof LOCALES)[number];

const number = (value: number) => ({ kind: 'number', value });
const refused = (problem: string, readings: number[] = []) => ({ kind: 'invalid', problem, readings });

/** Every value the store accepts: from 0 to below 10¹¹, with at most 4 decimals. */
const storable = fc.integer({ min: 0, max: 1e15 - 1 }).map((tenThousandths) => tenThousandths / 1e4);

/**
 * How a person of the language reads a separator, seeing the digits after it. An English
 * reader takes a point for decimals and a comma before three digits for thousands, but a comma
 * before anything else could be either (a French habit, or a slip). A French reader takes a
 * comma for decimals, and a point before three digits for either: older French writing groups
 * thousands with it. Spaces group, however many digits follow.
 */
function roles(separator: string, digitsAfter: number, locale: Locale): ('decimal' | 'group')[] {
  if (separator === ' ') return ['group'];
  if (locale === 'en') return separator === '.' ? ['decimal'] : digitsAfter === 3 ? ['group'] : ['group', 'decimal'];
  return separator === ',' ? ['decimal'] : digitsAfter === 3 ? ['group', 'decimal'] : ['decimal'];
}

/**
 * Every number a reader could take `text` for: each separator given each role the reader
 * might give it, kept when at most one is a decimal mark and it comes last.
 */
function humanReadings(text: string, locale: Locale): Set<number> {
  const body = text.replace(/[\u00a0\u202f]/g, ' ');
  const runs = body.split(/[ ,.]/);
  const separators = body.replace(/\d/g, '').split('');
  let readings: { digits: string; decimal: boolean }[] = [{ digits: runs[0]!, decimal: false }];
  separators.forEach((separator, i) => {
    const run = runs[i + 1]!;
    readings = readings.flatMap((reading) =>
      roles(separator, run.length, locale).flatMap((role) => {
        if (reading.decimal) return [];
        return [{ digits: `${reading.digits}${role === 'decimal' ? '.' : ''}${run}`, decimal: role === 'decimal' }];
      }),
    );
  });
  return new Set(readings.map((reading) => Number(reading.digits)));
}

/** Digit runs of 1 to 4 digits joined by the separators people type. */
const typed = fc
  .tuple(
    fc.stringMatching(/^\d{1,4}$/),
    fc.array(fc.tuple(fc.constantFrom(',', '.', ' ', '\u00a0', '\u202f'), fc.stringMatching(/^\d{1,4}$/)), { maxLength: 3 }),
  )
  .map(([first, rest]) => first + rest.map(([separator, run]) => separator + run).join(''));

describe('numbers people type', () => {
  it('reads 1,234, 1 234, 1.234 and 1 234,5 in French', () => {
    expect(parseNumber('1,234', 'fr')).toMatchObject(number(1.234));
    expect(parseNumber('1 234', 'fr')).toMatchObject(number(1234));
    expect(parseNumber('1\u00a0234', 'fr')).toMatchObject(number(1234));
    expect(parseNumber('1.234', 'fr')).toEqual(refused('otherWriting', [1.234, 1234]));
    expect(parseNumber('1 234,5', 'fr')).toMatchObject(number(1234.5));
    expect(parseNumber('1\u202f234,5', 'fr')).toMatchObject(number(1234.5));
  });

  it('reads 1,234, 1 234, 1.234 and 1 234,5 in English', () => {
    expect(parseNumber('1,234', 'en')).toMatchObject(number(1234));
    expect(parseNumber('1 234', 'en')).toMatchObject(number(1234));
    expect(parseNumber('1.234', 'en')).toMatchObject(number(1.234));
    expect(parseNumber('1 234,5', 'en')).toEqual(refused('otherWriting', [1234.5]));
    expect(parseNumber('1,234.5', 'en')).toMatchObject(number(1234.5));
  });

  it('never reads 12,5 as 125 in English: it suggests 12.5', () => {
    expect(parseNumber('12,5', 'en')).toEqual(refused('otherWriting', [12.5]));
    expect(parseNumber('1,2345', 'en')).toEqual(refused('otherWriting', [1.2345]));
    expect(parseNumber('1.234.567', 'en')).toEqual(refused('otherWriting', [1234567]));
  });

  it('takes a French keypad’s point for decimals unless it could group thousands', () => {
    expect(parseNumber('12.5', 'fr')).toMatchObject(number(12.5));
    expect(parseNumber('0.25', 'fr')).toMatchObject(number(0.25));
    expect(parseNumber('1.234.567', 'fr')).toEqual(refused('otherWriting', [1234567]));
    expect(parseNumber('1.234,5', 'fr')).toEqual(refused('otherWriting', [1234.5]));
    expect(parseNumber('1,234.5', 'fr')).toEqual(refused('otherWriting', [1234.5]));
  });

  it('says what is wrong otherwise', () => {
    for (const locale of LOCALES) {
      expect(parseNumber('  ', locale)).toEqual({ kind: 'empty' });
      expect(parseNumber(' 42 ', locale)).toEqual({ kind: 'number', value: 42, plain: '42' });
      expect(parseNumber('-3', locale)).toMatchObject(number(-3));
      expect(parseNumber('-0', locale)).toEqual({ kind: 'number', value: 0, plain: '0' });
      expect(parseNumber('douze', locale)).toEqual(refused('notNumber'));
      expect(parseNumber('1e3', locale)).toEqual(refused('notNumber'));
      expect(parseNumber('12,', locale)).toEqual(refused('notNumber'));
      expect(parseNumber('1,,2', locale)).toEqual(refused('notNumber'));
      expect(parseNumber('12 5', locale)).toEqual(refused('grouping'));
      expect(parseNumber('1 23 456', locale)).toEqual(refused('grouping'));
    }
    expect(parseNumber('1,23,456', 'en')).toEqual(refused('grouping'));
  });

  it('keeps the digits exact for amounts', () => {
    expect(parseNumber('1 234 567 890,12', 'fr')).toMatchObject({ plain: '1234567890.12' });
    expect(parseNumber('007.50', 'en')).toMatchObject({ plain: '7.50' });
  });

  it('displays in each language’s writing, rounded to the decimals asked', () => {
    expect(formatNumber(1234567.5, 'fr', 4)).toBe('1\u202f234\u202f567,5');
    expect(formatNumber(1234567.5, 'en', 4)).toBe('1,234,567.5');
    expect(formatNumber(-1234, 'en')).toBe('-1,234');
    expect(formatNumber(2.675, 'en')).toBe('2.68');
    expect(formatNumber(-0.001, 'fr')).toBe('0');
    expect(formatNumber(999, 'fr')).toBe('999');
    expect(editingText(1234.5, 'fr')).toBe('1234,5');
    expect(editingText(1234.5, 'en')).toBe('1234.5');
    expect(editingText(1e-7, 'en')).toBe('0.0000001');
  });

  it('displays numbers as the browser’s own formats of the language do', () => {
    fc.assert(
      fc.property(storable, (value) => {
        expect(formatNumber(value, 'fr', 4)).toBe(new Intl.NumberFormat('fr-BI', { maximumFractionDigits: 4 }).format(value));
        expect(formatNumber(value, 'en', 4)).toBe(new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4 }).format(value));
      }),
    );
  });

  it('reads back every storable value as displayed and as shown for editing', () => {
    fc.assert(
      fc.property(storable, fc.constantFrom(...LOCALES), fc.boolean(), (magnitude, locale, negative) => {
        // No minus zero: the parser reads "-0" as 0.
        const value = negative && magnitude > 0 ? -magnitude : magnitude;
        expect(parseNumber(formatNumber(value, locale, 4), locale)).toMatchObject(number(value));
        expect(parseNumber(editingText(value, locale), locale)).toMatchObject(number(value));
      }),
    );
  });

  it('reads the display’s groups however they are spaced, and English groups by spaces too', () => {
    fc.assert(
      fc.property(storable, fc.constantFrom(' ', '\u00a0', '\u202f'), (value, space) => {
        expect(parseNumber(formatNumber(value, 'fr', 4).replaceAll('\u202f', space), 'fr')).toMatchObject(number(value));
        expect(parseNumber(formatNumber(value, 'en', 4).replaceAll(',', space), 'en')).toMatchObject(number(value));
      }),
    );
  });

  it('never reads a number a person of the language could take for another', () => {
    fc.assert(
      fc.property(typed, fc.constantFrom(...LOCALES), (text, locale) => {
        const parsed = parseNumber(text, locale);
        if (parsed.kind !== 'number') return;
        expect([...humanReadings(text, locale)]).toEqual([parsed.value]);
      }),
      { numRuns: 5000 },
    );
  });

  it('suggests only what a person could have meant', () => {
    fc.assert(
      fc.property(typed, fc.constantFrom(...LOCALES), (text, locale) => {
        const parsed = parseNumber(text, locale);
        if (parsed.kind !== 'invalid') return;
        const other = locale === 'fr' ? 'en' : 'fr';
        const plausible = new Set([...humanReadings(text, locale), ...humanReadings(text, other)]);
        for (const reading of parsed.readings) expect(plausible).toContain(reading);
      }),
      { numRuns: 5000 },
    );
  });
});

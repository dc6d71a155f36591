import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LOCALES, localeFromEnvironment, renderMessage, type MessageKey } from './catalogue.ts';

/** The keys of a catalogue object declared in catalogue.ts, read from its source. */
function declaredKeys(variable: string): string[] {
  const text = readFileSync(new URL('./catalogue.ts', import.meta.url), 'utf8');
  const file = ts.createSourceFile('catalogue.ts', text, ts.ScriptTarget.Latest, true);
  const declaration = file.statements
    .filter(ts.isVariableStatement)
    .flatMap((statement) => [...statement.declarationList.declarations])
    .find((candidate) => candidate.name.getText(file) === variable);
  let literal = declaration?.initializer;
  if (literal && ts.isAsExpression(literal)) literal = literal.expression;
  if (!literal || !ts.isObjectLiteralExpression(literal)) throw new Error(`no catalogue ${variable}`);
  return literal.properties.map((property) => {
    const name = property.name;
    if (!name || !(ts.isIdentifier(name) || ts.isStringLiteral(name))) throw new Error(`odd key in ${variable}`);
    return name.text;
  });
}

/** Rendered without parameters, a message keeps its `{placeholders}`. */
const placeholders = (key: MessageKey, locale: 'en' | 'fr') =>
  [...renderMessage(key, {}, locale).matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('message catalogues', () => {
  const keys = declaredKeys('en') as MessageKey[];

  it('have the same keys in English and French', () => {
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...declaredKeys('fr')].sort()).toEqual([...keys].sort());
    expect(LOCALES).toEqual(['en', 'fr']);
  });

  it('have the same placeholders for each key in every locale, and no empty message', () => {
    for (const key of keys) {
      expect(placeholders(key, 'fr'), key).toEqual(placeholders(key, 'en'));
      for (const locale of LOCALES) expect(renderMessage(key, {}, locale).trim(), `${key} ${locale}`).not.toBe('');
    }
  });

  it('have a message for every syntax problem and error code', () => {
    const codes = ['syntax.empty', 'syntax.unexpectedChar', 'syntax.unexpectedEnd', 'syntax.unexpectedToken',
      'syntax.unclosedParen', 'syntax.expectedValue', 'syntax.tooDeep', 'UNKNOWN_NAME', 'UNKNOWN_FUNCTION', 'ARITY', 'CYCLE',
      'LIST_OUTSIDE_AGGREGATE', 'FREQUENCY', 'DUPLICATE_NAME', 'TABLE_SCOPE', 'DIV_ZERO', 'NO_MATCH',
      'MISSING_VALUE', 'ZONE_OVERLAP'];
    expect(keys).toEqual(expect.arrayContaining(codes));
  });
});

describe('renderMessage', () => {
  it('fills parameters in the chosen locale, English by default', () => {
    expect(renderMessage('ARITY', { name: 'IF', expected: 3, actual: 2 })).toBe('IF takes 3 argument(s), not 2');
    expect(renderMessage('ARITY', { name: 'IF', expected: 3, actual: 2 }, 'fr')).toBe('IF prend 3 argument(s), pas 2');
  });

  it('renders a message given as a parameter in the same locale', () => {
    const params = { name: 'x', first: { key: 'source.input' }, second: { key: 'source.formula' } } as const;
    expect(renderMessage('DUPLICATE_NAME', params)).toBe(
      "'x' is defined twice in one scope: as an input and as a package formula",
    );
    expect(renderMessage('DUPLICATE_NAME', params, 'fr')).toBe(
      "'x' est défini deux fois dans une même portée : comme une entrée et comme une formule de paquet",
    );
    expect(renderMessage('MISSING_VALUE', { name: 'c', reason: { key: 'reason.constant', params: { activity: 'a1' } } })).toBe(
      "'c' has no value here (activity 'a1' has no such constant)",
    );
  });

  it('leaves a missing parameter visible', () => {
    expect(renderMessage('UNKNOWN_NAME', {})).toBe("unknown name '{name}'");
  });
});

describe('localeFromEnvironment', () => {
  it.each([
    [{}, 'en'],
    [{ LANG: 'fr_FR.UTF-8' }, 'fr'],
    [{ LANG: 'FR' }, 'fr'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'fr_FR.UTF-8', LC_MESSAGES: 'en_GB' }, 'en'],
    [{ LANG: 'en_US', LC_MESSAGES: 'fr_CA', LC_ALL: 'fr_BE' }, 'fr'],
    [{ LC_ALL: 'en_US', LANG: 'fr_FR' }, 'en'],
    [{ LC_ALL: '', LANG: 'fr_FR' }, 'fr'],
  ] as const)('%j gives %s', (env, locale) => {
    expect(localeFromEnvironment(env)).toBe(locale);
  });
});

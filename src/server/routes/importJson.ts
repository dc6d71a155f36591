import type { FastifyBodyParser, FastifyInstance } from 'fastify';
import { IMPORT_LIMITS } from '../../contract/importLimits.ts';
import { tooManyRows } from '../../domain/dataValues/limits.ts';
import { AppError } from '../../domain/errors.ts';

/**
 * Objects, arrays and list items a body of IMPORT_LIMITS.rows rows may hold: a row is one
 * object of at most six fields, so eight a row leaves room. Parsed JSON takes up to twenty
 * times its text (32 MiB of `{},` made 716 MB of objects), so the text is counted first.
 */
export const MAX_JSON_NODES = IMPORT_LIMITS.rows * 8;

export interface JsonShape {
  /** Items of the top-level array; 0 when the text is not an array. */
  readonly items: number;
  /** Opening braces and brackets, and commas, outside strings: at least the values parsing would make, less one. */
  readonly nodes: number;
}

const [QUOTE, BACKSLASH, COMMA, OPEN_ARRAY, CLOSE_ARRAY, OPEN_OBJECT, CLOSE_OBJECT] = [34, 92, 44, 91, 93, 123, 125];

/** The shape of JSON text, in one pass making nothing: what parsing it would build, bounded above. */
export function jsonShape(text: string): JsonShape {
  let depth = 0;
  let nodes = 0;
  let commas = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      nodes++;
      depth++;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      depth--;
    } else if (c === COMMA) {
      nodes++;
      if (depth === 1) commas++;
    }
  }
  const isArray = text.trimStart().charCodeAt(0) === OPEN_ARRAY;
  return { items: isArray && !/^\s*\[\s*\]\s*$/.test(text) ? commas + 1 : 0, nodes };
}

/**
 * The import route's JSON parser: refuses too many rows, or more nested values than that
 * many rows hold, with a 413 before parsing; then parses as fastify does by default
 * (refusing `__proto__` and `constructor` keys).
 */
export function importJsonParser(app: FastifyInstance): FastifyBodyParser<string> {
  const parse = app.getDefaultJsonParser('error', 'error');
  return (request, body, done) => {
    const shape = jsonShape(body);
    if (shape.items > IMPORT_LIMITS.rows) return done(tooManyRows(shape.items, 'JSON array items'), undefined);
    if (shape.nodes > MAX_JSON_NODES) return done(tooManyNodes(shape.nodes), undefined);
    parse(request, body, done);
  };
}

function tooManyNodes(nodes: number): AppError {
  return new AppError(
    413,
    'IMPORT_TOO_LARGE',
    `the JSON body holds ${nodes.toLocaleString('en')} objects, arrays and items; ${IMPORT_LIMITS.rows.toLocaleString('en')} rows hold at most ${MAX_JSON_NODES.toLocaleString('en')}`,
    { limit: 'jsonNodes', max: MAX_JSON_NODES, nodes },
  );
}

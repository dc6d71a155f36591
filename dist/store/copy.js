import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
/** Rows per COPY statement: bounds the text held in memory at once. */
const COPY_ROWS = 100_000;
/** Characters per chunk handed to PostgreSQL's COPY stream. */
const CHUNK_CHARS = 1 << 20;
/**
 * Writes rows with `COPY ... FROM STDIN` (PostgreSQL) or `COPY ... FROM '/dev/blob'`
 * (PGlite), in the caller's transaction: the databases' own bulk path, for the hundreds of
 * thousands of rows an invoice run writes (decision 0006 has the measurements). Calls
 * `afterBatch` with the rows written so far after each statement.
 */
export async function copyInto(tx, table, columns, rows, afterBatch) {
    const connection = connectionOf(tx, table);
    const statement = `copy ${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')}) from`;
    for (let start = 0; start < rows.count; start += COPY_ROWS) {
        const end = Math.min(start + COPY_ROWS, rows.count);
        const chunks = copyText(rows, start, end);
        if (connection instanceof pg.Client) {
            await pipeline(Readable.from(chunks, { objectMode: false }), connection.query(copyFrom(`${statement} stdin`)));
        }
        else {
            await connection.query(`${statement} '/dev/blob'`, [], { blob: new Blob([...chunks]) });
        }
        await afterBatch?.(end);
    }
}
/**
 * The connection under a drizzle transaction. Drizzle keeps it private, and COPY needs it;
 * the store's tests run this on both backends, so an upgrade that moves it fails there.
 */
function connectionOf(tx, table) {
    const client = tx.session?.client;
    if (client instanceof pg.Client)
        return client;
    const transaction = client;
    if (typeof transaction?.query === 'function' && typeof transaction.rollback === 'function')
        return transaction;
    throw new Error(`copy into '${table}': needs the connection of a transaction`);
}
/**
 * Rows [start, end) in COPY's text format, in chunks of about CHUNK_CHARS, made as the
 * stream asks for them: PostgreSQL parses one chunk while the next is formatted.
 */
function* copyText(rows, start, end) {
    let chunk = '';
    for (let i = start; i < end; i++) {
        chunk += rows.line(i) + '\n';
        if (chunk.length >= CHUNK_CHARS) {
            yield chunk;
            chunk = '';
        }
    }
    if (chunk)
        yield chunk;
}
/** One row in COPY's text format: cells apart by tabs, without the line's end. */
export function copyLine(cells) {
    return cells.map(copyCell).join('\t');
}
const SPECIAL = /[\\\t\n\r]/;
const ESCAPES = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
/** One cell of COPY's text format: `\N` for null, backslash escapes for the separators. */
export function copyCell(value) {
    if (value === null || value === undefined)
        return '\\N';
    if (typeof value === 'string')
        return SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : value;
    if (typeof value === 'number' || typeof value === 'bigint')
        return String(value);
    if (typeof value === 'boolean')
        return value ? 't' : 'f';
    if (value instanceof Date)
        return value.toISOString();
    return copyCell(JSON.stringify(value));
}
function quoteIdentifier(name) {
    return `"${name.replace(/"/g, '""')}"`;
}
//# sourceMappingURL=copy.js.map
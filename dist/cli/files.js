import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseJsonc } from 'jsonc-parser';
import { parse as parseYaml } from 'yaml';
/** A file that cannot be read or decoded; the message names the file and, when known, the line. */
export class InputFileError extends Error {
}
/** Reads JSON, YAML or CSV (by extension); CSV rows become objects keyed by the header. */
export function readDocument(path) {
    let text;
    try {
        text = readFileSync(path, 'utf8');
    }
    catch (error) {
        throw new InputFileError(`${path}: cannot read the file (${error.code ?? String(error)})`);
    }
    const extension = extname(path).toLowerCase();
    try {
        if (extension === '.csv')
            return decodeCsv(text);
        if (extension === '.yaml' || extension === '.yml')
            return parseYaml(text);
        return JSON.parse(text);
    }
    catch (error) {
        const where = extension === '.csv' || extension === '.yaml' || extension === '.yml' ? '' : lineOf(text);
        throw new InputFileError(`${path}${where}: ${error.message}`);
    }
}
/** `:line:column` of the first JSON syntax error, so editors can jump there. */
function lineOf(text) {
    const errors = [];
    parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    if (!first)
        return '';
    const lines = text.slice(0, first.offset).split('\n');
    return `:${lines.length}:${lines[lines.length - 1].length + 1}`;
}
/** CSV with a header row; a `value` column is read as a number, so data files work as-is. */
function decodeCsv(text) {
    const rows = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
    return rows.map((row) => {
        if (!('value' in row))
            return row;
        const value = row.value === '' ? Number.NaN : Number(row.value);
        return { ...row, value: Number.isNaN(value) ? row.value : value };
    });
}
/** A contract case file holds a program, org units and data together. */
export function isCaseDocument(document) {
    return typeof document === 'object' && document !== null && !Array.isArray(document) && 'program' in document;
}
//# sourceMappingURL=files.js.map
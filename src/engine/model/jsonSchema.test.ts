import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { caseFiles, readCase, repoPath } from '../../../test/support/cases.ts';
import { programJsonSchema } from './jsonSchema.ts';

const published = JSON.parse(readFileSync(repoPath('schema/program.schema.json'), 'utf8'));

describe('schema/program.schema.json', () => {
  it('is up to date with the validating schema (run `npm run schema`)', () => {
    expect(published).toEqual(programJsonSchema());
  });

  const validate = new Ajv2020.default({ strict: false }).compile(published);

  it.each(caseFiles(repoPath('test/contract')))('accepts the programme of %s', (file) => {
    expect(validate(readCase(file).program), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects a misspelt key, as the engine does', () => {
    const program = { code: 'x', currency: 'BIF', packages: [{ code: 'p', frequency: 'monthly', inputs: [], activities: [], formula: {} }] };
    expect(validate(program)).toBe(false);
  });
});

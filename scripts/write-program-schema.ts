/**
 * Writes schema/program.schema.json, the JSON Schema editors use to validate programme
 * files. `npm run schema` regenerates it; a test fails when it is out of date.
 */
import { writeFileSync } from 'node:fs';
import { programJsonSchema } from '../src/engine/model/jsonSchema.ts';

writeFileSync(new URL('../schema/program.schema.json', import.meta.url), `${JSON.stringify(programJsonSchema(), null, 2)}\n`);

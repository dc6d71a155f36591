import { z } from 'zod';
import { programSchema } from "./programSchema.js";
/** The programme format as JSON Schema (draft 2020-12), generated from the validating schema. */
export function programJsonSchema() {
    return {
        ...z.toJSONSchema(programSchema, { io: 'input', unrepresentable: 'any' }),
        $id: 'https://openpbf.org/schema/program.schema.json',
        title: 'OpenPBF programme',
        description: 'Packages, activities, formulas, decision tables and payments of a PBF programme.',
    };
}
//# sourceMappingURL=jsonSchema.js.map
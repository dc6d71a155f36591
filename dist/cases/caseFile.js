import { z } from 'zod';
import { errorKey } from "../engine/messages/errors.js";
import { parseWithSchema } from "../engine/model/validation.js";
import { prepare, run } from "../engine/pipeline.js";
/** The contract's case format: a programme, org units, data, a run and what it must give. */
const caseSchema = z.strictObject({
    name: z.string(),
    description: z.string().optional(),
    program: z.unknown(),
    orgUnits: z.unknown(),
    data: z.unknown(),
    run: z.strictObject({ orgUnits: z.array(z.string()), periods: z.array(z.string()) }),
    expected: z
        .array(z.strictObject({ orgUnit: z.string(), period: z.string(), name: z.string(), value: z.number() }))
        .optional(),
    expectedErrors: z
        .array(z.strictObject({ code: z.string(), at: z.union([z.string(), z.array(z.string())]) }))
        .optional(),
});
/** Equal within the contract's tolerance: relative 1e-9 or absolute 1e-6. */
export function closeEnough(actual, expected) {
    const difference = Math.abs(actual - expected);
    return difference <= 1e-6 || difference <= 1e-9 * Math.abs(expected);
}
/** Runs one decoded case file and compares its values or errors with what it expects. */
export function runCase(raw, locale = 'en') {
    const parsed = parseWithSchema(caseSchema, raw, '', locale);
    if (!parsed.value)
        return failed('(unreadable case)', parsed.errors);
    const testCase = parsed.value;
    const prepared = prepare(testCase, locale);
    let errors = prepared.errors;
    let values = [];
    if (prepared.prepared) {
        const result = run(prepared.prepared, testCase.run);
        errors = dedupe(result.errors);
        values = (testCase.expected ?? []).map(({ orgUnit, period, name, value }) => {
            const actual = result.value(orgUnit, period, name);
            return { orgUnit, period, name, expected: value, actual, ok: actual !== undefined && closeEnough(actual, value) };
        });
    }
    const expectedErrors = testCase.expectedErrors ?? [];
    const matches = (error, expected) => error.code === expected.code && (typeof expected.at === 'string' ? [expected.at] : expected.at).includes(error.at);
    const missingErrors = expectedErrors.filter((expected) => !errors.some((error) => matches(error, expected)));
    const unexpectedErrors = errors.filter((error) => !expectedErrors.some((expected) => matches(error, expected)));
    const passed = missingErrors.length === 0 && unexpectedErrors.length === 0 && values.every((check) => check.ok);
    return { name: testCase.name, passed, values, errors, missingErrors, unexpectedErrors };
}
function failed(name, errors) {
    return { name, passed: false, values: [], errors, missingErrors: [], unexpectedErrors: errors };
}
/** Run-time errors once per code and formula, as the contract compares them. */
function dedupe(errors) {
    const seen = new Set();
    return errors.filter((error) => {
        const key = errorKey(error);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
//# sourceMappingURL=caseFile.js.map
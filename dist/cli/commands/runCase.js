import { basename } from 'node:path';
import { runCase } from "../../cases/caseFile.js";
import { describeError } from "../../engine/index.js";
import { EXIT } from "../context.js";
import { InputFileError, readDocument } from "../files.js";
import { printErrors } from "../output.js";
/** `openpbf run-case FILE...`: runs contract case files and compares with what they expect. */
export function runCaseCommand(files, context) {
    let failures = 0;
    for (const file of files) {
        let outcome;
        try {
            outcome = runCase(readDocument(file), context.locale);
        }
        catch (error) {
            if (!(error instanceof InputFileError))
                throw error;
            context.err(error.message);
            failures++;
            continue;
        }
        printOutcome(basename(file), outcome, context);
        if (!outcome.passed)
            failures++;
    }
    const passed = files.length - failures;
    context.out(`${passed} case(s) passed, ${failures} failed`);
    return failures === 0 ? EXIT.ok : EXIT.failed;
}
function printOutcome(file, outcome, context) {
    context.out(`${outcome.passed ? 'PASS' : 'FAIL'} ${file} — ${outcome.name}`);
    for (const check of outcome.values) {
        const actual = check.actual === undefined ? 'not computed' : check.actual === check.actual ? String(check.actual) : 'failed';
        const mark = check.ok ? 'ok      ' : 'MISMATCH';
        context.out(`  ${mark} ${check.orgUnit} ${check.period} ${check.name} = ${actual} (expected ${check.expected})`);
    }
    const expectedCount = outcome.errors.length - outcome.unexpectedErrors.length;
    if (expectedCount > 0) {
        context.out(`  ok       ${expectedCount} expected error(s) reported:`);
        for (const error of outcome.errors) {
            if (!outcome.unexpectedErrors.includes(error))
                context.out(`           ${error.code} ${describeError(error, context.locale)}`);
        }
    }
    for (const missing of outcome.missingErrors) {
        context.out(`  MISSING  error ${missing.code} at ${[missing.at].flat().join(' | ')} was expected`);
    }
    if (outcome.unexpectedErrors.length > 0) {
        context.out('  UNEXPECTED errors:');
        printErrors(outcome.unexpectedErrors, context.locale, (line) => context.out(line.replace(/^/gm, '    ')));
    }
}
//# sourceMappingURL=runCase.js.map
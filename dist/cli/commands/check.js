import { checkProgram, loadProgram, OrgUnitTree } from "../../engine/index.js";
import { EXIT } from "../context.js";
import { readInputs } from "../inputs.js";
import { printErrors } from "../output.js";
/**
 * `openpbf check PROGRAM [--org-units FILE]`: static checks only, every error at once.
 * Without org units, attribute names are unknown and reported as such.
 */
export function checkCommand(programPath, options, context) {
    const raw = readInputs({ program: programPath, ...(options.orgUnits ? { orgUnits: options.orgUnits } : {}) });
    const report = (errors) => printErrors(errors, context.locale, context.err);
    const loaded = loadProgram(raw.program, context.locale);
    const built = OrgUnitTree.build(raw.orgUnits, context.locale);
    if (!loaded.program || !built.tree) {
        report([...loaded.errors, ...built.errors]);
        return EXIT.failed;
    }
    const { checked, errors } = checkProgram(loaded.program, built.tree.attributeNames);
    if (!checked) {
        report(errors);
        context.err(`${errors.length} error(s)`);
        return EXIT.failed;
    }
    const formulas = checked.packages.reduce((sum, pkg) => sum + pkg.order.length, 0) +
        checked.payments.reduce((sum, payment) => sum + payment.order.length, 0);
    context.out(`OK ${checked.program.code}: ${checked.packages.length} package(s), ${checked.payments.length} payment(s), ${formulas} formula(s)`);
    return EXIT.ok;
}
//# sourceMappingURL=check.js.map
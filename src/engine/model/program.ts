import type { Locale, MessageKey, MessageParams } from '../messages/catalogue.ts';
import { schemaError, type EngineError } from '../messages/errors.ts';
import { parsePeriod } from './period.ts';
import { programSchema, type Program } from './programSchema.ts';
import { parseWithSchema } from './validation.ts';

/**
 * Reads a programme (already decoded from JSON or YAML): its shape first, then the
 * references between its parts. Formulas are checked later, by checkProgram.
 */
export function loadProgram(raw: unknown, locale: Locale = 'en'): { program?: Program; errors: EngineError[] } {
  const parsed = parseWithSchema(programSchema, raw, '', locale);
  if (!parsed.value) return parsed;
  const errors = validateReferences(parsed.value);
  return errors.length > 0 ? { errors } : { program: parsed.value, errors };
}

type Report = (at: string, key: MessageKey, params?: MessageParams) => void;

function validateReferences(program: Program): EngineError[] {
  const errors: EngineError[] = [];
  const report: Report = (at, key, params) => errors.push(schemaError(at, key, params));
  const packages = new Map(program.packages.map((pkg) => [pkg.code, pkg]));

  reportDuplicates(program.packages.map((pkg) => pkg.code), 'packages', 'code', report);
  reportDuplicates(program.payments.map((payment) => payment.code), 'payments', 'code', report);
  program.payments.forEach((payment, i) => {
    if (packages.has(payment.code)) {
      report(`payments[${i}].code`, 'schema.paymentCodeClash', { code: payment.code });
    }
    if (payment.amount !== undefined && !(payment.amount in payment.formulas)) {
      report(`payments[${i}].amount`, 'schema.notPaymentFormula', { name: payment.amount, payment: payment.code });
    }
    payment.packages.forEach((code, j) => {
      const pkg = packages.get(code);
      if (!pkg) report(`payments[${i}].packages[${j}]`, 'schema.unknownPackage', { code });
      else if (pkg.kind === 'zone') {
        report(`payments[${i}].packages[${j}]`, 'schema.zoneInPayment', { code });
      }
    });
  });

  program.packages.forEach((pkg, i) => {
    const at = `packages[${i}]`;
    reportDuplicates(pkg.activities.map((activity) => activity.code), `${at}.activities`, 'code', report);
    reportDuplicates(pkg.inputs, `${at}.inputs`, undefined, report);
    for (const input of Object.keys(pkg.inputTypes ?? {})) {
      if (!pkg.inputs.includes(input)) report(`${at}.inputTypes.${input}`, 'schema.unknownInput', { name: input });
    }
    for (const [role, name] of Object.entries(pkg.penalties ?? {})) {
      if (!(name in pkg.activityFormulas)) report(`${at}.penalties.${role}`, 'schema.notActivityFormula', { name });
    }
    if (pkg.kind === 'zone' && !pkg.targets) report(`${at}.targets`, 'schema.zoneNeedsTargets');
    if (pkg.kind === 'single' && pkg.targets) report(`${at}.targets`, 'schema.targetsOnSingle');
    if (pkg.kind === 'single' && pkg.zoneFormulas) {
      report(`${at}.zoneFormulas`, 'schema.zoneFormulasOnSingle');
    }
  });

  program.decisionTables.forEach((table, i) => {
    const at = `decisionTables[${i}]`;
    if (!packages.has(table.package)) report(`${at}.package`, 'schema.unknownPackage', { code: table.package });
    reportDuplicates(table.inputs, `${at}.inputs`, undefined, report);
    reportDuplicates(table.outputs, `${at}.outputs`, undefined, report);
    for (const output of table.outputs) {
      if (table.inputs.includes(output)) report(`${at}.outputs`, 'schema.inputAndOutput', { name: output });
    }
    validatePeriodRange(table.from, table.to, at, report);
    table.rows.forEach((row, r) => {
      for (const [column, cell] of Object.entries(row)) {
        if (table.outputs.includes(column)) {
          if (typeof cell !== 'number') report(`${at}.rows[${r}].${column}`, 'schema.outputNotNumber');
        } else if (!table.inputs.includes(column)) {
          report(`${at}.rows[${r}].${column}`, 'schema.unknownColumn', { column });
        }
      }
      for (const output of table.outputs) {
        if (!(output in row)) report(`${at}.rows[${r}]`, 'schema.missingOutput', { name: output });
      }
    });
  });
  return errors;
}

function validatePeriodRange(
  from: string | undefined,
  to: string | undefined,
  at: string,
  report: Report,
) {
  if (from === undefined || to === undefined) return;
  const start = parsePeriod(from);
  const end = parsePeriod(to);
  if (start && end && start.firstMonth > end.lastMonth) report(`${at}.to`, 'schema.periodOrder', { from, to });
}

function reportDuplicates(
  values: readonly string[],
  at: string,
  field: string | undefined,
  report: Report,
) {
  const seen = new Map<string, number>();
  values.forEach((value, i) => {
    const first = seen.get(value);
    if (first === undefined) seen.set(value, i);
    else report(`${at}[${i}]${field ? `.${field}` : ''}`, 'schema.repeats', { value, first: `${at}[${first}]` });
  });
}

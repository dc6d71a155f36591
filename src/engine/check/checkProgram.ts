import type { Expr, Span } from '../formula/ast.ts';
import { assertNever } from '../formula/ast.ts';
import { parseFormula } from '../formula/parser.ts';
import { FUNCTIONS, acceptsArgumentCount, describeArity, findFunction } from '../functions/catalogue.ts';
import type { Message, EngineError, ErrorCode } from '../messages/errors.ts';
import type { Package, Payment, Program } from '../model/programSchema.ts';
import { dependencyOrder, isCycle } from './dependencies.ts';
import {
  PackageScope,
  PaymentScope,
  isFormulaSource,
  type Resolution,
  type ScopeKind,
} from './scope.ts';
import { suggest } from './suggest.ts';

/** A formula that passed every static check, ready to compile. */
export interface CheckedFormula {
  readonly name: string;
  readonly location: string;
  readonly scope: ScopeKind;
  readonly source: string;
  readonly expr: Expr;
}

export interface CheckedPackage {
  readonly pkg: Package;
  readonly scope: PackageScope;
  /** Activity, package and zone formulas, each after the formulas it reads. */
  readonly order: readonly CheckedFormula[];
}

export interface CheckedPayment {
  readonly payment: Payment;
  readonly scope: PaymentScope;
  readonly order: readonly CheckedFormula[];
  /** The formula whose value is the amount paid (see amountOf); none for a payment without formulas. */
  readonly amount: string | undefined;
}

export interface CheckedProgram {
  readonly program: Program;
  readonly attributeNames: readonly string[];
  readonly packages: readonly CheckedPackage[];
  readonly payments: readonly CheckedPayment[];
}

interface FormulaSite {
  readonly name: string;
  readonly location: string;
  readonly scope: ScopeKind;
  readonly source: string;
  expr?: Expr;
  /** Indices of the formulas of the same graph this one reads. */
  reads: number[];
}

type Resolver = (name: string) => Resolution | undefined;

/**
 * Every static check of the contract, all errors at once: syntax, names, functions and
 * arity, lists outside aggregates, payment frequencies, duplicate names, table scopes and
 * cycles. `attributeNames` are the org-unit attributes formulas may read.
 */
export function checkProgram(
  program: Program,
  attributeNames: readonly string[] = [],
): { checked?: CheckedProgram; errors: EngineError[] } {
  const errors: EngineError[] = [];
  const packages = program.packages.map((pkg) => checkPackage(program, pkg, attributeNames, errors));
  const payments = program.payments.map((payment) => checkPayment(program, payment, attributeNames, errors));
  if (errors.length > 0) return { errors };
  return { checked: { program, attributeNames, packages, payments }, errors };
}

function checkPackage(
  program: Program,
  pkg: Package,
  attributeNames: readonly string[],
  errors: EngineError[],
): CheckedPackage {
  const scope = new PackageScope(program, pkg, attributeNames);
  errors.push(...scope.errors, ...tableScopeErrors(program, pkg));
  const sites: FormulaSite[] = [
    ...sitesOf(pkg.activityFormulas, 'activity', `${pkg.code}.activityFormulas`),
    ...sitesOf(pkg.formulas, 'package', `${pkg.code}.formulas`),
    ...sitesOf(pkg.zoneFormulas ?? {}, 'zone', `${pkg.code}.zoneFormulas`),
  ];
  const siteIndex = new Map(sites.map((site, i) => [site.location, i]));
  for (const site of sites) {
    const resolve: Resolver = (name) => scope.resolve(site.scope, name);
    checkSite(site, resolve, () => scope.visibleNames(site.scope), errors, (resolution) => {
      if (!isFormulaSource(resolution.source.kind)) return;
      const target = siteIndex.get(resolution.source.location);
      if (target !== undefined) site.reads.push(target);
    });
  }
  return { pkg, scope, order: orderSites(sites, errors) };
}

function checkPayment(
  program: Program,
  payment: Payment,
  attributeNames: readonly string[],
  errors: EngineError[],
): CheckedPayment {
  const scope = new PaymentScope(program, payment, attributeNames);
  errors.push(...scope.errors);
  const sites = sitesOf(payment.formulas, 'payment', `${payment.code}.formulas`);
  const siteIndex = new Map(sites.map((site, i) => [site.location, i]));
  const packages = new Map(program.packages.map((pkg) => [pkg.code, pkg]));
  for (const site of sites) {
    checkSite(site, (name) => scope.resolve(name), () => scope.visibleNames(), errors, (resolution, span) => {
      const source = resolution.source;
      if (source.kind === 'paymentFormula') {
        const target = siteIndex.get(source.location);
        if (target !== undefined) site.reads.push(target);
      }
      const pkg = source.packageCode === undefined ? undefined : packages.get(source.packageCode);
      if (pkg && payment.frequency === 'monthly' && pkg.frequency === 'quarterly') {
        return {
          code: 'FREQUENCY',
          span,
          message: {
            key: 'FREQUENCY',
            params: { payment: payment.code, package: pkg.code, name: `${pkg.code}.${source.formulaName}` },
          },
        };
      }
      return undefined;
    });
  }
  const order = orderSites(sites, errors);
  return { payment, scope, order, amount: amountOf(payment, order) };
}

/**
 * The formula a payment pays: the one its `amount` names. Versions stored before `amount`
 * existed name none and keep the rule they were invoiced by: `to_pay` when the payment has
 * it, else its last formula in evaluation order — evaluation order, not the order written,
 * because stored programmes are jsonb, which sorts keys (decision 0017).
 */
function amountOf(payment: Payment, order: readonly CheckedFormula[]): string | undefined {
  if (payment.amount !== undefined) return payment.amount;
  if ('to_pay' in payment.formulas) return 'to_pay';
  return order.at(-1)?.name;
}

function sitesOf(formulas: Record<string, string>, scope: ScopeKind, prefix: string): FormulaSite[] {
  return Object.entries(formulas).map(([name, source]) => ({
    name,
    location: `${prefix}.${name}`,
    scope,
    source,
    reads: [],
  }));
}

interface Finding {
  readonly code: ErrorCode;
  readonly span: Span;
  readonly message: Message;
  readonly hint?: Message;
}

/** Parses one formula and checks every name and call in it; reports once per code. */
function checkSite(
  site: FormulaSite,
  resolve: Resolver,
  visibleNames: () => string[],
  errors: EngineError[],
  onResolved: (resolution: Resolution, span: Span) => Finding | undefined | void,
) {
  const parsed = parseFormula(site.source);
  if (!parsed.ok) {
    const { key, params, span } = parsed.problem;
    errors.push({ code: 'SYNTAX', at: site.location, message: { key, params }, formula: site.source, span });
    return;
  }
  site.expr = parsed.expr;
  const findings = new Map<ErrorCode, Finding>();
  const note = (finding: Finding) => {
    if (!findings.has(finding.code)) findings.set(finding.code, finding);
  };
  walk(parsed.expr, false);
  for (const finding of findings.values()) {
    errors.push({ at: site.location, formula: site.source, ...finding });
  }

  function walk(expr: Expr, listAllowed: boolean): void {
    switch (expr.kind) {
      case 'number':
        return;
      case 'name':
        return checkName(expr.name, expr.span, listAllowed);
      case 'negate':
      case 'not':
        return walk(expr.operand, false);
      case 'binary':
        walk(expr.left, false);
        return walk(expr.right, false);
      case 'call':
        return checkCall(expr);
      default:
        assertNever(expr);
    }
  }

  function checkCall(call: Expr & { kind: 'call' }) {
    const spec = findFunction(call.fn);
    if (!spec) {
      const suggestion = suggest(call.fn, FUNCTIONS.map((fn) => fn.name));
      note({
        code: 'UNKNOWN_FUNCTION',
        span: call.fnSpan,
        message: { key: 'UNKNOWN_FUNCTION', params: { name: call.fn } },
        ...(suggestion ? { hint: { key: 'hint.didYouMean', params: { suggestion } } } : {}),
      });
    } else if (!acceptsArgumentCount(spec.arity, call.args.length)) {
      note({
        code: 'ARITY',
        span: call.span,
        message: {
          key: 'ARITY',
          params: { name: spec.name, expected: describeArity(spec.arity), actual: call.args.length },
        },
      });
    }
    // Arguments of an unknown function are not blamed for being lists.
    const listAllowed = !spec || spec.kind === 'aggregate';
    for (const arg of call.args) walk(arg, listAllowed);
  }

  function checkName(name: string, span: Span, listAllowed: boolean) {
    const resolution = resolve(name);
    if (!resolution) {
      const suggestion = suggest(name, visibleNames());
      note({
        code: 'UNKNOWN_NAME',
        span,
        message: { key: 'UNKNOWN_NAME', params: { name } },
        hint: suggestion ? { key: 'hint.didYouMean', params: { suggestion } } : { key: 'hint.attribute', params: {} },
      });
      return;
    }
    if (resolution.list && !listAllowed) {
      note({
        code: 'LIST_OUTSIDE_AGGREGATE',
        span,
        message: {
          key: 'LIST_OUTSIDE_AGGREGATE',
          params: { name, over: { key: resolution.list === 'activity' ? 'over.activity' : 'over.target' } },
        },
        hint: { key: 'hint.listInAggregate', params: { name } },
      });
    }
    const finding = onResolved(resolution, span);
    if (finding) note(finding);
  }
}

/** Orders formulas after the ones they read; reports each cycle once, at its first formula. */
function orderSites(sites: FormulaSite[], errors: EngineError[]): CheckedFormula[] {
  const reads = (node: number) => sites[node]!.reads;
  const order: CheckedFormula[] = [];
  for (const component of dependencyOrder(sites.length, reads)) {
    if (isCycle(component, reads)) {
      const locations = component.map((node) => sites[node]!.location);
      errors.push({
        code: 'CYCLE',
        at: locations[0]!,
        related: locations.slice(1),
        message: { key: 'CYCLE', params: { cycle: locations.join(' → ') } },
      });
      continue;
    }
    const site = sites[component[0]!]!;
    if (site.expr) {
      order.push({ name: site.name, location: site.location, scope: site.scope, source: site.source, expr: site.expr });
    }
  }
  return order;
}

/** All tables giving one output must agree on whether `activity` is among their inputs. */
function tableScopeErrors(program: Program, pkg: Package): EngineError[] {
  const firstSeen = new Map<string, boolean>();
  const errors: EngineError[] = [];
  program.decisionTables.forEach((table, i) => {
    if (table.package !== pkg.code) return;
    const perActivity = table.inputs.includes('activity');
    for (const output of table.outputs) {
      const first = firstSeen.get(output);
      if (first === undefined) firstSeen.set(output, perActivity);
      else if (first !== perActivity && !errors.some((e) => e.message.params.name === output)) {
        errors.push({
          code: 'TABLE_SCOPE',
          at: `decisionTables[${i}].outputs.${output}`,
          message: { key: 'TABLE_SCOPE', params: { name: output } },
        });
      }
    }
  });
  return errors;
}

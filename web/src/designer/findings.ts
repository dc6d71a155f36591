import {
  checkProgram,
  loadProgram,
  renderMessage,
  type EngineError,
  type Locale,
} from '../../../src/engine/index.ts';
import { isIdentifier } from './codes.ts';
import type { Draft } from './draft.ts';
import type { Problem } from '../api/errors.ts';

/**
 * The engine's errors as the designer shows them: each placed at the part of the screen the
 * designer edits to fix it (a formula, a package's constants, a decision table, a package, a
 * payment or the programme as a whole), with its message and hint in the reader's language.
 */
export interface Finding {
  readonly code: string;
  /** The engine's own location (`quantity.activityFormulas.amount`, `packages[0].code`). */
  readonly at: string;
  /** The same location as a path into the draft (`packages[0].activityFormulas.amount`). */
  readonly path: string;
  readonly message: string;
  readonly hint?: string;
  /** The formula as checked and the part at fault, when the error is in a formula. */
  readonly formula?: string;
  readonly span?: { readonly start: number; readonly end: number };
  /** Live from the browser's check, or from the server's answer to a save. */
  readonly origin: 'live' | 'server';
}

export interface LiveCheck {
  /** `shape`: the programme's structure is wrong, and formulas are checked once it is right. */
  readonly stage: 'shape' | 'formulas';
  readonly findings: readonly Finding[];
}

/** Web-specific wording of the engine's attribute hint, which addresses CLI users. */
export type HintOverride = (error: EngineError) => string | undefined;

/**
 * Runs the engine's static checks on a draft, as the server does when it saves: the shape
 * and references first, then every formula. `attributeNames` are the org-unit attributes
 * formulas may read.
 */
export function liveCheck(draft: Draft, attributeNames: readonly string[], locale: Locale, hintOverride?: HintOverride): LiveCheck {
  const loaded = loadProgram(draft, locale);
  if (!loaded.program) return { stage: 'shape', findings: loaded.errors.map((error) => toFinding(error, draft, locale, hintOverride)) };
  const checked = checkProgram(loaded.program, attributeNames);
  return { stage: 'formulas', findings: checked.errors.map((error) => toFinding(error, draft, locale, hintOverride)) };
}

export function toFinding(error: EngineError, draft: Draft, locale: Locale, hintOverride?: HintOverride): Finding {
  const hint = hintOverride?.(error) ?? (error.hint ? renderMessage(error.hint.key, error.hint.params, locale) : undefined);
  return {
    code: error.code,
    at: error.at,
    path: draftPath(error.at, draft),
    message: renderMessage(error.message.key, error.message.params, locale),
    ...(hint ? { hint } : {}),
    ...(error.formula !== undefined ? { formula: error.formula } : {}),
    ...(error.span ? { span: { start: error.span.start, end: error.span.end } } : {}),
    origin: 'live',
  };
}

/** The server's errors (a save refused with 422: problemsOf its answer, the engine's location and English description), placed like the live ones. */
export function serverFindings(details: readonly Problem[], draft: Draft): Finding[] {
  return details.map((detail) => {
    const at = detail.at ?? '';
    let message = detail.message ?? detail.code ?? '';
    // The server writes "at: message — hint"; the location is shown by the placement.
    if (at && message.startsWith(`${at}: `)) message = message.slice(at.length + 2);
    const [text = message, ...hint] = message.split(' — ');
    return {
      code: detail.code ?? 'SCHEMA',
      at,
      path: draftPath(at, draft),
      message: text,
      ...(hint.length > 0 ? { hint: hint.join(' — ') } : {}),
      origin: 'server' as const,
    };
  });
}

const FORMULA_AT = /^([^.[\]]+)\.(activityFormulas|formulas|zoneFormulas)\.(.+)$/;
const CONSTANT_AT = /^([^.[\]]+)\.activities\.([^.]+)\.constants\.(.+)$/;
const INPUT_AT = /^([^.[\]]+)\.inputs\.(.+)$/;

/**
 * The engine's formula checks locate by codes (`quantity.activityFormulas.amount`), its
 * schema checks by indices (`packages[0].code`); the screen uses indices throughout.
 */
export function draftPath(at: string, draft: Draft): string {
  let match = FORMULA_AT.exec(at);
  if (match) {
    const [, code, group, name] = match;
    const pkg = draft.packages.findIndex((candidate) => candidate.code === code);
    if (pkg >= 0) return `packages[${pkg}].${group}.${name}`;
    const payment = draft.payments.findIndex((candidate) => candidate.code === code);
    if (payment >= 0 && group === 'formulas') return `payments[${payment}].formulas.${name}`;
    return at;
  }
  match = CONSTANT_AT.exec(at);
  if (match) {
    const [, code, activityCode, name] = match;
    const pkg = draft.packages.findIndex((candidate) => candidate.code === code);
    const activity = draft.packages[pkg]?.activities.findIndex((candidate) => candidate.code === activityCode) ?? -1;
    if (activity >= 0) return `packages[${pkg}].activities[${activity}].constants.${name}`;
    return at;
  }
  match = INPUT_AT.exec(at);
  if (match) {
    const [, code, input] = match;
    const pkg = draft.packages.findIndex((candidate) => candidate.code === code);
    const index = draft.packages[pkg]?.inputs.indexOf(input!) ?? -1;
    if (index >= 0) return `packages[${pkg}].inputs[${index}]`;
  }
  return at;
}

/** The anchor for the programme as a whole: errors no part of the screen claims. */
export const PROGRAMME_ANCHOR = 'programme';

/** Every place of the screen that shows errors, for a draft. */
export function anchorsOf(draft: Draft): Set<string> {
  const anchors = new Set<string>([PROGRAMME_ANCHOR]);
  draft.packages.forEach((pkg, i) => {
    anchors.add(`packages[${i}]`);
    anchors.add(`packages[${i}].inputs`);
    anchors.add(`packages[${i}].activities`);
    for (const group of ['activityFormulas', 'formulas', 'zoneFormulas'] as const) {
      for (const name of Object.keys(pkg[group] ?? {})) anchors.add(`packages[${i}].${group}.${name}`);
    }
  });
  draft.decisionTables.forEach((_, i) => anchors.add(`decisionTables[${i}]`));
  draft.payments.forEach((payment, i) => {
    anchors.add(`payments[${i}]`);
    for (const name of Object.keys(payment.formulas ?? {})) anchors.add(`payments[${i}].formulas.${name}`);
  });
  return anchors;
}

/** The places a path could be shown, most specific first. */
function candidateAnchors(path: string): string[] {
  const candidates: string[] = [];
  const formula = /^((?:packages|payments)\[\d+\])\.(activityFormulas|formulas|zoneFormulas)\.(.+)$/.exec(path);
  if (formula) candidates.push(path);
  const activities = /^(packages\[\d+\])\.activities\b/.exec(path);
  if (activities) candidates.push(`${activities[1]}.activities`);
  const inputs = /^(packages\[\d+\])\.(?:inputs|inputTypes)\b/.exec(path);
  if (inputs) candidates.push(`${inputs[1]}.inputs`);
  const owner = /^((?:packages|payments|decisionTables)\[\d+\])/.exec(path);
  if (owner) candidates.push(owner[1]!);
  candidates.push(PROGRAMME_ANCHOR);
  return candidates;
}

/**
 * Groups findings by the place that shows them: the most specific anchor that exists on
 * the screen, so that no error is ever hidden (a formula renamed meanwhile falls back to its
 * package, a package removed to the programme).
 */
export function placeFindings(findings: readonly Finding[], draft: Draft): Map<string, Finding[]> {
  const anchors = anchorsOf(draft);
  const placed = new Map<string, Finding[]>();
  for (const finding of findings) {
    const anchor = candidateAnchors(finding.path).find((candidate) => anchors.has(candidate)) ?? PROGRAMME_ANCHOR;
    const list = placed.get(anchor);
    if (list) list.push(finding);
    else placed.set(anchor, [finding]);
  }
  return placed;
}

/** Whether a finding is about exactly this cell or field (to mark the input invalid). */
export function isAt(finding: Finding, path: string): boolean {
  return finding.path === path || finding.path.startsWith(`${path}.`) || finding.path.startsWith(`${path}[`);
}

/**
 * Org-unit attribute names the designer's own scope does not show but the programme reads:
 * every name a saved version reads that the check does not know was an attribute when the
 * server accepted it. The check reports one unknown name per formula at a time, so it runs
 * until no new name turns up.
 */
export function inferAttributeNames(saved: Draft, known: readonly string[]): string[] {
  const loaded = loadProgram(saved);
  if (!loaded.program) return [...known];
  const names = new Set(known);
  for (let round = 0; round < 100; round++) {
    const unknown = checkProgram(loaded.program, [...names])
      .errors.filter((error) => error.code === 'UNKNOWN_NAME')
      .map((error) => String(error.message.params.name))
      .filter((name) => isIdentifier(name) && !names.has(name));
    if (unknown.length === 0) break;
    for (const name of unknown) names.add(name);
  }
  return [...names].sort();
}

/** Attribute names found on a page of org units. */
export function attributeNamesOf(units: readonly { readonly attributes: Readonly<Record<string, number>> }[]): string[] {
  const names = new Set<string>();
  for (const unit of units) for (const name of Object.keys(unit.attributes)) names.add(name);
  return [...names].sort();
}

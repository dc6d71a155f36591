import { activitySchema, decisionTableSchema, packageSchema, paymentSchema } from '../../../src/engine/model/programSchema.ts';

/**
 * What the designer accepts as a code or a name, decided by the engine's own schema so that
 * the screen and the server never disagree: a package, payment or input code and every name
 * formulas read (formula, constant, table output) is an identifier; an activity code is
 * anything without dots or spaces; a table input column (a fact) is any non-empty text.
 */
const RULES = {
  package: packageSchema.shape.code,
  payment: paymentSchema.shape.code,
  input: packageSchema.shape.inputs.element,
  activity: activitySchema.shape.code,
  name: packageSchema.shape.code,
  tableInput: decisionTableSchema.shape.inputs.element,
} as const;

export type CodeKind = keyof typeof RULES;

/** Why a code cannot be used, as the designer's message keys say it. */
export type CodeProblem = 'empty' | 'notIdentifier' | 'notActivityCode' | 'taken';

/** Whether a name can be written in a formula (a formula, constant or output name). */
export function isIdentifier(name: string): boolean {
  return RULES.name.safeParse(name).success;
}

/**
 * Why `text` cannot be the code of a `kind` of part, if it cannot: the schema's rule, and
 * no other part of the same list (`taken`) may hold it.
 */
export function codeProblem(kind: CodeKind, text: string, taken: Iterable<string> = []): CodeProblem | undefined {
  if (text === '') return 'empty';
  if (!RULES[kind].safeParse(text).success) return kind === 'activity' ? 'notActivityCode' : 'notIdentifier';
  for (const other of taken) if (other === text) return 'taken';
  return undefined;
}

/** Character offsets into the formula source, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type ArithmeticOp = '+' | '-' | '*' | '/';
export type ComparisonOp = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type LogicalOp = 'AND' | 'OR';
export type BinaryOp = ArithmeticOp | ComparisonOp | LogicalOp;

export type Expr =
  | { readonly kind: 'number'; readonly value: number; readonly span: Span }
  | { readonly kind: 'name'; readonly name: string; readonly span: Span }
  | { readonly kind: 'negate'; readonly operand: Expr; readonly span: Span }
  | { readonly kind: 'not'; readonly operand: Expr; readonly span: Span }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOp;
      readonly left: Expr;
      readonly right: Expr;
      readonly span: Span;
    }
  | {
      readonly kind: 'call';
      /** Upper-cased: function names are case-insensitive. */
      readonly fn: string;
      readonly args: readonly Expr[];
      readonly span: Span;
      readonly fnSpan: Span;
    };

export function assertNever(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}

/** Every name the expression reads, in source order, with repeats. */
export function namesIn(expr: Expr, out: Array<{ name: string; span: Span }> = []) {
  switch (expr.kind) {
    case 'number':
      break;
    case 'name':
      out.push({ name: expr.name, span: expr.span });
      break;
    case 'negate':
    case 'not':
      namesIn(expr.operand, out);
      break;
    case 'binary':
      namesIn(expr.left, out);
      namesIn(expr.right, out);
      break;
    case 'call':
      for (const arg of expr.args) namesIn(arg, out);
      break;
    default:
      assertNever(expr);
  }
  return out;
}

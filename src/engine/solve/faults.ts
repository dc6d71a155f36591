import { FAULT, type Fault } from '../compile/cursor.ts';
import type { EngineError, RuntimeErrorCode } from '../messages/errors.ts';
import type { MessageParams } from '../messages/catalogue.ts';

const CODES: Record<Exclude<Fault, 0>, RuntimeErrorCode> = {
  [FAULT.divZero]: 'DIV_ZERO',
  [FAULT.noMatch]: 'NO_MATCH',
  [FAULT.missingValue]: 'MISSING_VALUE',
};

export function faultCode(fault: Exclude<Fault, 0>): RuntimeErrorCode {
  return CODES[fault];
}

/** Collects run-time errors, keeping the first `limit` in full and counting the rest. */
export class ErrorLog {
  readonly errors: EngineError[] = [];
  count = 0;

  constructor(private readonly limit: number) {}

  add(error: EngineError): void {
    this.count++;
    if (this.errors.length < this.limit) this.errors.push(error);
  }

  runtime(
    code: RuntimeErrorCode,
    at: string,
    params: MessageParams,
    where: { orgUnit: string; period: string; activity?: string },
  ): void {
    this.add({ code, at, message: { key: code, params }, ...where });
  }
}

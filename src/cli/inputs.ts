import { prepare, type PreparedInputs } from '../engine/pipeline.ts';
import type { EngineError } from '../engine/index.ts';
import type { CliContext } from './context.ts';
import { isCaseDocument, readDocument } from './files.ts';

export interface InputPaths {
  readonly program: string;
  readonly orgUnits?: string;
  readonly data?: string;
}

/**
 * Reads the programme, org units and data files; a case file given as the programme also
 * supplies the org units and data unless those are given separately.
 */
export function readInputs(paths: InputPaths): { program: unknown; orgUnits: unknown; data: unknown; run?: unknown } {
  const document = readDocument(paths.program);
  const fromCase = isCaseDocument(document) ? document : undefined;
  return {
    program: fromCase ? fromCase.program : document,
    orgUnits: paths.orgUnits ? pick(readDocument(paths.orgUnits), 'orgUnits') : (fromCase?.orgUnits ?? []),
    data: paths.data ? pick(readDocument(paths.data), 'data') : (fromCase?.data ?? []),
    ...(fromCase && 'run' in fromCase ? { run: fromCase.run } : {}),
  };
}

/** A case file may stand in for an org-unit or data file. */
function pick(document: unknown, key: 'orgUnits' | 'data'): unknown {
  return isCaseDocument(document) ? document[key] : document;
}

export function prepareOrReport(
  raw: { program: unknown; orgUnits: unknown; data: unknown },
  context: CliContext,
  printErrors: (errors: readonly EngineError[]) => void,
): PreparedInputs | undefined {
  const { prepared, errors } = prepare(raw, context.locale);
  if (!prepared) printErrors(errors);
  return prepared;
}

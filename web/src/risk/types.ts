import type { z } from 'zod';
import type { Answer, Body } from '../../../src/contract/http.ts';
import type { applyDraw, createDraw, drawEntry, drawParameters, drawSummary, listDraws, riskReasons, showDraw } from '../../../src/contract/api/verification.ts';
import type { Wire } from '../../../src/contract/wire.ts';
import { DRAW_DEFAULTS } from '../../../src/contract/verification.ts';

/** Shapes of the risk-based verification API (/verification-draws), read off its contract (src/contract/api/verification.ts). */
export { RISK_CLASSES, type RiskClass } from '../../../src/contract/verification.ts';

export type DrawParameters = z.output<typeof drawParameters>;
export type Draw = Wire<z.output<typeof drawSummary>>;
export type DrawEntry = Wire<z.output<typeof drawEntry>>;
export type RiskReasons = z.output<typeof riskReasons>;
export type Gap = NonNullable<RiskReasons['periods'][number]['declaredVerified']>;
export type Measure = NonNullable<RiskReasons['measure']>;
export type ApplyResult = Answer<typeof applyDraw>;
export type Draws = Answer<typeof listDraws>;
/** A draw with a page of its entries. */
export type DrawPage = Answer<typeof showDraw>;
export type DrawRequest = Body<typeof createDraw>;
/** The draw made (created) or the current one someone made meanwhile (not created). */
export type Drawn = Answer<typeof createDraw>;

/** Burundi's defaults, as the server applies them when a parameter is not given. */
export const DEFAULT_PARAMETERS: Omit<DrawParameters, 'alwaysDraw'> = DRAW_DEFAULTS;

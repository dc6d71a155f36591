import type { RiskReasons } from '../../contract/api/verification.ts';
import { classify, noHistory, type FacilityHistory } from './classify.ts';
import type { Facility } from './facilities.ts';
import type { DrawParameters } from '../../contract/api/verification.ts';
import type { RiskClass } from '../../contract/verification.ts';
import { uniform } from './prng.ts';

export interface DrawnFacility {
  readonly probability: number;
  readonly drawn: boolean;
  readonly alwaysDrawn: { readonly groupset: string; readonly group: string } | null;
}

/**
 * Draws one facility: it is verified when its uniform number under the seed is below the
 * probability of its class (so probability 1 always draws, 0 never); facilities of an
 * always-drawn group (hospitals) have probability 1.
 */
export function drawFacility(
  seed: string,
  facility: Facility,
  riskClass: RiskClass,
  parameters: DrawParameters,
): DrawnFacility {
  const alwaysDrawn = alwaysDrawnGroup(facility.groups, parameters.alwaysDraw);
  const probability = alwaysDrawn ? 1 : parameters.probabilities[riskClass];
  return { probability, drawn: uniform(seed, facility.id) < probability, alwaysDrawn };
}

function alwaysDrawnGroup(groups: Readonly<Record<string, string>>, alwaysDraw: DrawParameters['alwaysDraw']) {
  for (const groupset of Object.keys(alwaysDraw).sort()) {
    const group = groups[groupset];
    if (group !== undefined && alwaysDraw[groupset]!.includes(group)) return { groupset, group };
  }
  return null;
}

export interface DrawEntry {
  readonly orgUnitId: string;
  readonly riskClass: RiskClass;
  readonly probability: number;
  readonly drawn: boolean;
  readonly validationRate: number;
  readonly reasons: RiskReasons;
}

/** Classifies and draws every facility; a facility without history in the window is high risk. */
export function drawSubtree(
  seed: string,
  facilities: readonly Facility[],
  histories: ReadonlyMap<string, FacilityHistory>,
  window: readonly string[],
  parameters: DrawParameters,
): DrawEntry[] {
  return facilities.map((facility) => {
    const { riskClass, validationRate, reasons } = classify(histories.get(facility.id) ?? noHistory(window), parameters);
    const { probability, drawn, alwaysDrawn } = drawFacility(seed, facility, riskClass, parameters);
    return { orgUnitId: facility.id, riskClass, probability, drawn, validationRate, reasons: { ...reasons, alwaysDrawn } };
  });
}

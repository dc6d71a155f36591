import { classify, noHistory } from "./classify.js";
import { uniform } from "./prng.js";
/**
 * Draws one facility: it is verified when its uniform number under the seed is below the
 * probability of its class (so probability 1 always draws, 0 never); facilities of an
 * always-drawn group (hospitals) have probability 1.
 */
export function drawFacility(seed, facility, riskClass, parameters) {
    const alwaysDrawn = alwaysDrawnGroup(facility.groups, parameters.alwaysDraw);
    const probability = alwaysDrawn ? 1 : parameters.probabilities[riskClass];
    return { probability, drawn: uniform(seed, facility.id) < probability, alwaysDrawn };
}
function alwaysDrawnGroup(groups, alwaysDraw) {
    for (const groupset of Object.keys(alwaysDraw).sort()) {
        const group = groups[groupset];
        if (group !== undefined && alwaysDraw[groupset].includes(group))
            return { groupset, group };
    }
    return null;
}
/** Classifies and draws every facility; a facility without history in the window is high risk. */
export function drawSubtree(seed, facilities, histories, window, parameters) {
    return facilities.map((facility) => {
        const { riskClass, validationRate, reasons } = classify(histories.get(facility.id) ?? noHistory(window), parameters);
        const { probability, drawn, alwaysDrawn } = drawFacility(seed, facility, riskClass, parameters);
        return { orgUnitId: facility.id, riskClass, probability, drawn, validationRate, reasons: { ...reasons, alwaysDrawn } };
    });
}
//# sourceMappingURL=draw.js.map
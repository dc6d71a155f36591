export const FUNDERS = [
    { id: 'government', name: 'Gouvernement du Burundi' },
    { id: 'world_bank', name: 'Banque mondiale' },
    { id: 'eu', name: 'Union européenne' },
];
/**
 * Who pays what share in a province. As in Burundi, the government pays part everywhere
 * and each donor took on a set of provinces; a few provinces are co-financed by both.
 */
const PATTERNS = [
    { government: 0.3, world_bank: 0.7, eu: 0 },
    { government: 0.35, world_bank: 0, eu: 0.65 },
    { government: 0.4, world_bank: 0.35, eu: 0.25 },
];
export function funderShares(provinces) {
    return provinces.flatMap((province, i) => {
        const pattern = PATTERNS[i % PATTERNS.length];
        return FUNDERS.filter((funder) => pattern[funder.id] > 0).map((funder) => ({
            funderId: funder.id,
            orgUnitId: province.id,
            share: pattern[funder.id],
        }));
    });
}
/** Each district's quarterly envelope, split between the funders of its province. */
export function budgets(districts, shares, quarters) {
    return districts.flatMap((district) => {
        const own = shares.filter((share) => share.orgUnitId === district.provinceId);
        const donors = own
            .filter((share) => share.funderId !== 'government')
            .map((share) => ({ funderId: share.funderId, amount: Math.round(district.quarterlyBudget * share.share) }));
        const government = district.quarterlyBudget - donors.reduce((total, donor) => total + donor.amount, 0);
        const parts = [{ funderId: 'government', amount: government }, ...donors];
        return quarters.flatMap((period) => parts.map((part) => ({ ...part, orgUnitId: district.id, period })));
    });
}
//# sourceMappingURL=funders.js.map
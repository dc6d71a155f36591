import { editingText } from "../../contract/numbers.js";
/**
 * What kind of number an input of a package holds. The type decides what the entry screens
 * and the server accept for it: a count of events is whole, a percentage lies in 0–100, an
 * amount has at most two decimals (cents), a score any number ≥ 0. An input the programme
 * does not type is a plain number (≥ 0, at most four decimals: the store's own limit).
 */
export const INPUT_TYPES = ['count', 'amount', 'score', 'percentage'];
/** Why `value` is not a value of `type`, as a reason key and its figure; undefined when it is. */
export function inputTypeProblem(type, value) {
    if (type === 'count' && !Number.isInteger(value))
        return { reason: 'notWhole', value };
    if (type === 'percentage' && value > 100)
        return { reason: 'overHundred', value };
    if (type === 'amount' && Math.round(value * 100) / 100 !== value)
        return { reason: 'cents', value };
    return undefined;
}
/** The messages of inputTypeProblem, in English and French, the value written in each language's way. */
export const INPUT_TYPE_MESSAGES = {
    en: {
        notWhole: (value) => `is a count of events: a whole number, not ${editingText(value, 'en')}`,
        overHundred: (value) => `is a percentage: from 0 to 100, not ${editingText(value, 'en')}`,
        cents: (value) => `is an amount: at most 2 decimals, not ${editingText(value, 'en')}`,
    },
    fr: {
        notWhole: (value) => `est un nombre d'actes : un nombre entier, pas ${editingText(value, 'fr')}`,
        overHundred: (value) => `est un pourcentage : de 0 à 100, pas ${editingText(value, 'fr')}`,
        cents: (value) => `est un montant : au plus 2 décimales, pas ${editingText(value, 'fr')}`,
    },
};
//# sourceMappingURL=inputTypes.js.map
export const ACTIVITY_PROFILES = {
    curative_consultation: { perThousand: 35, seasonal: true },
    curative_consultation_u5: { perThousand: 25, seasonal: true },
    small_surgery: { perThousand: 2 },
    assisted_delivery: { perThousand: 2.2 },
    prenatal_visit: { perThousand: 8.5 },
    postnatal_visit: { perThousand: 2 },
    full_vaccination: { perThousand: 2.6 },
    tetanus_vaccination: { perThousand: 3 },
    fp_new_user: { perThousand: 3 },
    fp_long_term: { perThousand: 0.6 },
    malnutrition_treated: { perThousand: 0.5, seasonal: true },
    referral_arrived: { perThousand: 1.5 },
    hiv_test: { perThousand: 8 },
    tb_case_detected: { perThousand: 0.08 },
    home_visit: { perThousand: 5 },
    doctor_consultation: { perThousand: 1.5, seasonal: true },
    counter_referral: { perThousand: 0.3 },
    hospitalisation_day: { perThousand: 5, seasonal: true },
    major_surgery: { perThousand: 0.15 },
    minor_surgery: { perThousand: 0.4 },
    caesarean_section: { perThousand: 0.1 },
    complicated_delivery: { perThousand: 0.3 },
    blood_transfusion: { perThousand: 0.2, seasonal: true },
    fp_permanent: { perThousand: 0.03 },
    complicated_malnutrition: { perThousand: 0.05, seasonal: true },
};
/** Malaria peaks in the short rains (October–January) and the long rains (April–May). */
const SEASON = [1.2, 1.05, 0.95, 1.1, 1.15, 0.95, 0.85, 0.85, 0.9, 1.0, 1.1, 1.2];
/** The seasonal factor of a calendar month (1–12). */
export function seasonFactor(profile, month) {
    return profile.seasonal ? SEASON[month - 1] : 1;
}
/**
 * Checklist items for services that not every facility offers, with the share of facilities
 * offering them; the evaluator marks the item not applicable elsewhere.
 */
export const OPTIONAL_ITEMS = {
    q_nutrition_unit: 0.55,
    q_hiv_tb: 0.8,
    h_operating_theatre: 0.9,
    h_blood_bank: 0.7,
    h_imaging: 0.5,
};
export function activityProfile(code) {
    const profile = ACTIVITY_PROFILES[code];
    if (!profile)
        throw new Error(`the demo has no frequency for activity '${code}' of programmes/burundi: add it to ACTIVITY_PROFILES`);
    return profile;
}
//# sourceMappingURL=activityProfiles.js.map
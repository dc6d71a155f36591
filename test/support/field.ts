import { PROGRAMME_DEFINITION } from './api.ts';

const quantity = PROGRAMME_DEFINITION.packages[0]!;

/**
 * The test programme as a verifier meets it from July 2024: the monthly quantity package with
 * the long French names real programmes have, a quarterly quality checklist (items with their
 * maximum points, marked not applicable through `applicable`, a score and bonus bands, as in
 * the contract's case 03) and a quarterly community survey (patients traced, found, satisfied).
 */
export const FIELD_VERSION = {
  ...PROGRAMME_DEFINITION,
  packages: [
    {
      ...quantity,
      name: 'Paquet minimum d’activités du centre de santé',
      activities: [
        { code: 'consultation', name: 'Consultation curative des enfants de moins de cinq ans (nouveau cas)', constants: { tariff: 250 } },
        { code: 'delivery', name: 'Accouchement eutocique assisté par un personnel qualifié', constants: { tariff: 9000 } },
        { code: 'vaccination', name: 'Enfant complètement vacciné avant son premier anniversaire', constants: { tariff: 400 } },
      ],
    },
    {
      code: 'quality',
      name: 'Qualité technique du centre de santé',
      frequency: 'quarterly',
      appliesTo: { type: ['cds'] },
      inputs: ['points', 'applicable'],
      activities: [
        { code: 'hygiene', name: 'Hygiène, stérilisation et gestion des déchets', constants: { max_points: 10 } },
        { code: 'records', name: 'Tenue des registres et des dossiers des patients', constants: { max_points: 20 } },
        { code: 'maternity', name: 'Salle d’accouchement équipée et fonctionnelle', constants: { max_points: 15 } },
        { code: 'pharmacy', name: 'Gestion de la pharmacie et des médicaments traceurs', constants: { max_points: 5 } },
      ],
      activityFormulas: {
        available: 'IF(applicable_is_null, max_points, applicable * max_points)',
        obtained: 'MIN(points, available)',
      },
      formulas: {
        score: 'SAFE_DIV(SUM(obtained), SUM(available))',
        bonus_rate: 'SCORE_TABLE(score, 0, 0.5, 0, 0.5, 0.7, 0.1, 0.7, 0.85, 0.2, 0.85, 1.01, 0.25, 0)',
      },
    },
    {
      code: 'community',
      name: 'Enquête communautaire',
      frequency: 'quarterly',
      appliesTo: { type: ['cds'] },
      inputs: ['traced', 'found', 'satisfied'],
      activities: [{ code: 'patient_tracing', name: 'Patients tirés au sort dans les registres et recherchés dans la communauté' }],
      formulas: {
        found_rate: 'SAFE_DIV(SUM(found), SUM(traced))',
        satisfaction: 'SAFE_DIV(SUM(satisfied), SUM(found))',
      },
    },
  ],
  payments: [
    ...PROGRAMME_DEFINITION.payments,
    {
      code: 'quarterly_bonus',
      frequency: 'quarterly',
      packages: ['quantity', 'quality', 'community'],
      formulas: {
        quality_bonus: 'quantity.total * quality.bonus_rate',
        community_factor: 'IF(community.found_rate < 0.9, 0.9, 1)',
        to_pay: 'quality_bonus * community_factor',
      },
    },
  ],
};

export const FIELD_VERSION_FROM = '202407';

import type { penaltiesEn } from './penalties.en.ts';

/** Messages français des pénalités, des confirmations du comité et des alertes de calcul. */
export const penaltiesFr: Record<keyof typeof penaltiesEn, string> = {
  'penalty.rule': 'Le programme déclare sa pénalité : une ligne est hors tolérance quand {{breach}} n’est pas 0 ; ce qu’elle perd est {{lost}}.',
  'penalty.ruleTolerance': 'Tolérance {{threshold}} ({{tolerance}}). Le programme déclare sa pénalité : une ligne la dépasse quand {{breach}} n’est pas 0 ; ce qu’elle perd est {{lost}}.',
  'penalty.how': 'Calculé dans votre navigateur avec les formules de la version {{version}}, sur les chiffres que le comité verrouillera : le nombre vérifié tient lieu de validé tant que le comité n’en saisit pas un autre.',
  'penalty.gap': 'Écart (tolérance)',
  'penalty.lost': 'Perdu',
  'penalty.gapOf': '{{gap}} (tolérance {{tolerance}})',
  'penalty.toleranceOnly': 'tolérance {{tolerance}}',
  'penalty.invoice.title': 'Lignes hors tolérance : {{count}}',
  'penalty.invoice.lost': 'Perdu par les pénalités, tel que le calcul de cette facture l’a établi :',
  'penalty.invoice.explain': 'Expliquer la perte de {{activity}}',
};

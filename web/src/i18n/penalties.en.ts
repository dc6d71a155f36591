/** English messages of penalties, the committee's confirmations and run warnings; penalties.fr.ts has the same keys. */
export const penaltiesEn = {
  'penalty.rule': 'The programme declares its penalty: a line is beyond tolerance when {{breach}} is not 0; what it loses is {{lost}}.',
  'penalty.ruleTolerance': 'Tolerance {{threshold}} ({{tolerance}}). The programme declares its penalty: a line is beyond it when {{breach}} is not 0; what it loses is {{lost}}.',
  'penalty.how': 'Computed in your browser with the formulas of version {{version}}, on the figures the committee will lock: the verified count stands for the validated one until the committee enters another.',
  'penalty.gap': 'Gap (tolerance)',
  'penalty.lost': 'Lost',
  'penalty.gapOf': '{{gap}} (tolerance {{tolerance}})',
  'penalty.toleranceOnly': 'tolerance {{tolerance}}',
  'penalty.invoice.title': 'Lines beyond tolerance: {{count}}',
  'penalty.invoice.lost': 'Lost to the penalties, as this invoice’s run computed them:',
  'penalty.invoice.explain': 'Explain the loss of {{activity}}',
} as const;

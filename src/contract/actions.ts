/**
 * What a user may do in a programme, each decided by the role matrix of
 * src/domain/permissions.ts. The web client is told, per programme, which it may take
 * (`capabilities` of GET /api/auth/me) instead of reading roles itself.
 */
export const ACTIONS = [
  'read',
  'data.declare',
  'data.verify',
  'data.validate',
  'period.unlock',
  'invoice.prepare',
  'period.correct',
  'invoice.approve',
  'payment.order',
  'payment.record',
  'verification.draw',
  'rules.try',
  'rules.write',
  'funders.manage',
  'orgUnits.manage',
  'audit.read',
  'users.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

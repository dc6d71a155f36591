import { z } from 'zod';
import { route } from '../http.ts';
import { entryPeriod, packageStatus, page, pageQuery, programmeParams, statusSchema, userRef } from './common.ts';

export { packageStatus, statusSchema, userRef };

/**
 * What the user may do with one facility's package in a period, as the server decides it
 * (src/domain/policies/periodStep.ts): a step needs its role on a subtree holding the unit and
 * the status it starts from; a correction, an approved, ordered or paid period.
 */
export const periodStepPolicies = z.object({
  declare: z.boolean(),
  verify: z.boolean(),
  validate: z.boolean(),
  returnDeclaration: z.boolean(),
  returnVerification: z.boolean(),
  unlock: z.boolean(),
  correct: z.boolean(),
});

export const statusLine = packageStatus.extend({ orgUnit: z.string(), orgUnitName: z.string(), policies: periodStepPolicies });
export const movedStatus = packageStatus.extend({ orgUnit: z.string(), policies: periodStepPolicies });

const tags = ['workflow'];

export const listWorkflow = route({
  method: 'GET',
  url: '/programmes/:programmeId/workflow',
  tags,
  summary: 'Where each facility’s packages stand for a period, in a subtree (the user’s scope by default), with what the user may do with each',
  params: programmeParams,
  querystring: pageQuery.extend({
    period: entryPeriod,
    root: z.string().min(1).optional().describe('the subtree’s root org unit'),
    package: z.string().min(1).optional(),
    status: statusSchema.optional(),
  }),
  response: { 200: page(statusLine) },
});

const stepParams = programmeParams.extend({ orgUnitId: z.string().min(1), period: entryPeriod, package: z.string().min(1) });
const stepBody = (reason: string) => z.object({ reason: z.string().max(2000).optional().describe(reason) }).nullish();
const RECORDED = 'recorded in the audit log';
const REQUIRED = 'required; recorded in the audit log';

function step<const Url extends string>(url: Url, summary: string, reason: string) {
  return route({
    method: 'POST',
    url,
    tags,
    summary,
    description: 'Needs the step’s role on a subtree holding the unit (403 naming it); from another status than the step’s own, 409 INVALID_STATE naming the current status.',
    params: stepParams,
    body: stepBody(reason),
    response: { 200: movedStatus },
  });
}

const STEP = '/programmes/:programmeId/workflow/:orgUnitId/:period/:package';

export const declareStep = step(`${STEP}/declare`, 'The clerk marks the declaration complete (open → declared)', RECORDED);
export const verifyStep = step(`${STEP}/verify`, 'The verifier marks the verification done (declared → verified)', RECORDED);
export const validateStep = step(`${STEP}/validate`, 'The validation committee validates, locking the values (verified → validated)', RECORDED);
export const returnDeclarationStep = step(
  `${STEP}/return-declaration`,
  'The verifier returns a declaration to the clerk, with a reason (declared → open): the declared values can change again',
  REQUIRED,
);
export const returnVerificationStep = step(
  `${STEP}/return-verification`,
  'The validation committee returns a verification to the verifier, with a reason (verified → declared)',
  REQUIRED,
);
export const unlockStep = step(`${STEP}/unlock`, 'The validation committee reopens a validated period, with a reason (validated → verified)', REQUIRED);

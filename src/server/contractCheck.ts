import type { FastifyInstance, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { errorResponses } from '../contract/api/common.ts';
import type { RouteContract } from '../contract/http.ts';

/**
 * A route's fastify schema from its contract: the contract's own schema objects, so the
 * check below can tell them apart from a copy, and the error answers every route shares.
 */
export function schemaOf<const Contract extends RouteContract>(contract: Contract) {
  const { method: _method, url: _url, response, ...parts } = contract;
  return { ...parts, response: { ...response, ...errorResponses } } as Omit<Contract, 'method' | 'url' | 'response'> & {
    response: Contract['response'] & typeof errorResponses;
  };
}

const keyOf = (method: string, url: string) => `${method} ${url}`;
const PARTS = ['params', 'querystring', 'body'] as const;

/**
 * Refuses, when the app is built, an API route that is not in the contract (`routes`: the
 * app passes src/contract/api/routes.ts) or whose schemas are not the contract's own objects, so what
 * the server answers is what the web client's types say (they are read off the same
 * objects); and a contract route the server does not serve.
 */
export const contractCheck = fp(async (app: FastifyInstance, { routes }: { routes: readonly RouteContract[] }) => {
  const contracts = new Map(routes.map((contract) => [keyOf(contract.method, `/api${contract.url}`), contract]));
  const served = new Set<string>();
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      const key = keyOf(method, route.url);
      const contract = contracts.get(key);
      if (!contract) {
        if (NOT_YET_IN_CONTRACT.has(key)) continue;
        throw new Error(`${key}: not in the API contract (src/contract/api/routes.ts)`);
      }
      checkSchemas(key, contract, (route.schema ?? {}) as Record<string, unknown>);
      served.add(key);
    }
  });
  app.addHook('onReady', async () => {
    const missing = [...contracts.keys()].filter((key) => !served.has(key));
    if (missing.length > 0) throw new Error(`the API contract has routes no handler serves: ${missing.join(', ')}`);
  });
});

function checkSchemas(key: string, contract: RouteContract, schema: Record<string, unknown>): void {
  for (const part of PARTS) {
    if (schema[part] !== contract[part]) throw new Error(`${key}: its ${part} schema is not the contract's`);
  }
  const response = (schema.response ?? {}) as Record<string, unknown>;
  for (const [status, answer] of Object.entries(contract.response)) {
    if (response[status] !== answer) throw new Error(`${key}: its ${status} answer's schema is not the contract's`);
  }
  const extra = Object.keys(response).filter((status) => Number(status) < 300 && !(status in contract.response));
  if (extra.length > 0) throw new Error(`${key}: answers ${extra.join(', ')} the contract does not declare`);
}

/** Routes still declaring their schemas in their route file, while they move to the contract. */
const NOT_YET_IN_CONTRACT = new Set<string>([
  // adjustments.ts
  'GET /api/programmes/:programmeId/corrections',
  'GET /api/programmes/:programmeId/invoices/:invoiceId/adjustments/:adjustmentId/provenance',
  'POST /api/programmes/:programmeId/corrections',
  // audit.ts
  'GET /api/programmes/:programmeId/audit',
  // auth.ts
  'GET /api/auth/me',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/password',
  // dashboards.ts
  'GET /api/programmes/:programmeId/dashboards/budget-burn',
  'GET /api/programmes/:programmeId/dashboards/payment-delays',
  'GET /api/programmes/:programmeId/dashboards/payments',
  'GET /api/programmes/:programmeId/dashboards/periods',
  'GET /api/programmes/:programmeId/dashboards/quality',
  'GET /api/programmes/:programmeId/dashboards/quality-vs-quantity',
  'GET /api/programmes/:programmeId/dashboards/quantity',
  'GET /api/programmes/:programmeId/dashboards/quantity-by-unit',
  'GET /api/programmes/:programmeId/dashboards/rankings',
  'GET /api/programmes/:programmeId/dashboards/reporting',
  // dataValues.ts
  'GET /api/programmes/:programmeId/data-values',
  'POST /api/programmes/:programmeId/data-values/import',
  'PUT /api/programmes/:programmeId/data-values/:orgUnitId/:period/:activity/:state',
  // dryRun.ts
  'POST /api/programmes/:programmeId/dry-run',
  // funders.ts
  'DELETE /api/programmes/:programmeId/funder-shares/:shareId',
  'GET /api/programmes/:programmeId/funder-shares',
  'GET /api/programmes/:programmeId/funders',
  'PATCH /api/programmes/:programmeId/funder-shares/:shareId',
  'PATCH /api/programmes/:programmeId/funders/:funderId',
  'POST /api/programmes/:programmeId/funder-shares',
  'POST /api/programmes/:programmeId/funders',
  // invoices.ts
  'GET /api/programmes/:programmeId/invoices',
  'GET /api/programmes/:programmeId/invoices/:invoiceId',
  'GET /api/programmes/:programmeId/invoices/:invoiceId/provenance',
  'POST /api/programmes/:programmeId/invoices/:invoiceId/reject',
  'POST /api/programmes/:programmeId/invoices/approve',
  'POST /api/programmes/:programmeId/invoices/funders-parts',
  // orgUnits.ts
  'GET /api/programmes/:programmeId/org-units',
  'GET /api/programmes/:programmeId/org-units/:orgUnitId',
  'PATCH /api/programmes/:programmeId/org-units/:orgUnitId',
  'POST /api/programmes/:programmeId/org-units',
  'PUT /api/programmes/:programmeId/org-units',
  // passwords.ts
  'POST /api/users/:userId/password-reset',
  // paymentOrders.ts
  'GET /api/programmes/:programmeId/payment-orders',
  'GET /api/programmes/:programmeId/payment-orders/:orderId',
  'GET /api/programmes/:programmeId/payment-orders/preview',
  'POST /api/programmes/:programmeId/payment-orders',
  'POST /api/programmes/:programmeId/payment-orders/:orderId/cancel',
  // payments.ts
  'GET /api/programmes/:programmeId/arrears',
  'GET /api/programmes/:programmeId/payment-delays',
  'GET /api/programmes/:programmeId/payments',
  'POST /api/programmes/:programmeId/payments',
  // programmes.ts
  'GET /api/programmes',
  'GET /api/programmes/:programmeId/versions',
  'GET /api/programmes/:programmeId/versions/:version',
  'POST /api/programmes',
  'POST /api/programmes/:programmeId/versions',
  // public.ts
  'GET /api/public/programmes/:programmeId/results',
  // users.ts
  'DELETE /api/users/:userId/roles',
  'GET /api/users',
  'PATCH /api/users/:userId',
  'POST /api/users',
  'POST /api/users/:userId/roles',
  // verificationDraws.ts
  'GET /api/programmes/:programmeId/verification-draws',
  'GET /api/programmes/:programmeId/verification-draws/:drawId',
  'POST /api/programmes/:programmeId/verification-draws',
  'POST /api/programmes/:programmeId/verification-draws/:drawId/apply',
  // workflow.ts
  'GET /api/programmes/:programmeId/workflow',
  'POST /api/programmes/:programmeId/workflow/:orgUnitId/:period/:package/declare',
  'POST /api/programmes/:programmeId/workflow/:orgUnitId/:period/:package/return-declaration',
  'POST /api/programmes/:programmeId/workflow/:orgUnitId/:period/:package/return-verification',
  'POST /api/programmes/:programmeId/workflow/:orgUnitId/:period/:package/unlock',
  'POST /api/programmes/:programmeId/workflow/:orgUnitId/:period/:package/validate',
  'POST /api/programmes/:programmeId/workflow/:orgUnitId/:period/:package/verify',
]);

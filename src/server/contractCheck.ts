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


import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The headers helmet sets, captured once from its middleware, for every answer. Helmet's
 * middleware sets the same headers on each answer when its configuration has no part that
 * depends on the request (no CSP nonce), as here; running its dozen middlewares and raw
 * `setHeader` calls for each answer cost a write about a twentieth of its CPU.
 */
export function securityHeaders(options: Readonly<HelmetOptions>): Readonly<Record<string, string>> {
  if (dependsOnRequest(options)) throw new Error('a security header that depends on the request (a CSP nonce) cannot be captured once');
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = value),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  let done = false;
  helmet(options)({ headers: {} } as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    done = true;
  });
  if (!done) throw new Error('helmet did not set its headers at once');
  return Object.freeze(headers);
}

/** Whether a CSP directive is computed for each request (a function, as for a nonce), alone or among its sources. */
function dependsOnRequest(options: Readonly<HelmetOptions>): boolean {
  const csp = options.contentSecurityPolicy;
  const directives = typeof csp === 'object' ? Object.values(csp.directives ?? {}) : [];
  return directives.some((value) => partsOf(value).some((part) => typeof part === 'function'));
}

/** A directive's sources: helmet takes a string, a function or any iterable of them. */
function partsOf(value: unknown): unknown[] {
  if (typeof value === 'string' || value === null || typeof value !== 'object' || !(Symbol.iterator in value)) return [value];
  return [...(value as Iterable<unknown>)];
}

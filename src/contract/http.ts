import type { z } from 'zod';
import type { Wire } from './wire.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One route of the HTTP API as server and client both see it: where it is, what it takes
 * and what it answers on success. The server registers its handler under this very object
 * (src/server/contractCheck.ts refuses any other), and the web client's types are read off
 * it, so the two cannot drift. Error answers are the same for every route (`errorBody`).
 */
export interface RouteContract {
  readonly method: Method;
  /** Under /api, with fastify's `:name` parameters. */
  readonly url: string;
  readonly tags: readonly string[];
  readonly summary?: string;
  readonly description?: string;
  /** The body's content types, where not JSON alone (OpenAPI). */
  readonly consumes?: readonly string[];
  readonly params?: z.ZodType;
  readonly querystring?: z.ZodType;
  readonly body?: z.ZodType;
  /** The success answers by status (200, 201, 202, 204). */
  readonly response: Readonly<Partial<Record<200 | 201 | 202 | 204, z.ZodType>>>;
}

/** Whether an export of an area module is a route (the modules also export the schemas of their records). */
export function isRoute(value: unknown): value is RouteContract {
  return typeof value === 'object' && value !== null && 'method' in value && 'url' in value && 'response' in value;
}

/** Declares a route; `const` keeps each schema's own type for the server and the client. */
export function route<const Contract extends RouteContract>(contract: Contract): Contract {
  return contract;
}

type SuccessOf<Contract extends RouteContract> = Contract['response'][keyof Contract['response']];

/** What the route answers on success, as the client reads it. */
export type Answer<Contract extends RouteContract> = SuccessOf<Contract> extends z.ZodType ? Wire<z.output<SuccessOf<Contract>>> : never;

/** What the route's body takes, as the client writes it (defaults may be left out). */
export type Body<Contract extends RouteContract> = Contract['body'] extends z.ZodType ? z.input<Contract['body']> : never;

/** The route's query string, as the client writes it. */
export type Query<Contract extends RouteContract> = Contract['querystring'] extends z.ZodType ? z.input<Contract['querystring']> : never;

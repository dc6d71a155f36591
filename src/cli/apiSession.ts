import { randomUUID } from 'node:crypto';
import type { currentUser } from '../contract/api/auth.ts';
import type { Answer } from '../contract/http.ts';
import type { Locale } from '../engine/index.ts';

/** A refusal of the server, with its code and message (in the language asked for), or a server not reached. */
export class ApiCallError extends Error {
  constructor(
    /** The HTTP status, 0 when the server could not be reached. */
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A signed-in session on an OpenPBF server, for the commands that work through its API as
 * the web client does: the session cookie, the CSRF token on every change, the language of
 * its messages. The server checks each call's authority, as it checks the browser's.
 */
export class ApiSession {
  private constructor(
    private readonly server: URL,
    private readonly locale: Locale,
    private readonly cookie: string,
    private readonly csrfToken: string,
  ) {}

  static async signIn(base: URL, username: string, password: string, locale: Locale): Promise<ApiSession> {
    const response = await send(new URL('/api/auth/login', base), { method: 'POST', headers: { ...jsonHeaders(locale) }, body: JSON.stringify({ username, password }) });
    const me = (await answer(response)) as Answer<typeof currentUser>;
    const cookie = response.headers.getSetCookie().map((header) => header.split(';')[0]!)[0];
    if (!cookie) throw new ApiCallError(response.status, 'NO_SESSION', `${base.origin}: signed in, but the server set no session cookie`);
    return new ApiSession(base, locale, cookie, me.csrfToken);
  }

  async get<T>(path: string): Promise<T> {
    return (await answer(await send(this.url(path), { headers: this.headers() }))) as T;
  }

  /** A change; `idempotencyKey` for the requests that move money, the same when sent again. */
  async post<T>(path: string, body: unknown, options: { idempotencyKey?: string } = {}): Promise<T> {
    const headers = { ...this.headers(), 'x-csrf-token': this.csrfToken, ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}) };
    return (await answer(await send(this.url(path), { method: 'POST', headers, body: JSON.stringify(body) }))) as T;
  }

  async signOut(): Promise<void> {
    await this.post('/api/auth/logout', {});
  }

  private url(path: string): URL {
    return new URL(path, this.server);
  }

  private headers(): Record<string, string> {
    return { ...jsonHeaders(this.locale), cookie: this.cookie };
  }
}

/** A key for one request of a command: sent again (a retry), it is the same request. */
export const newIdempotencyKey = (): string => randomUUID();

/** The server's address as given on the command line, or undefined when it is no http(s) URL. */
export function serverUrl(server: string): URL | undefined {
  try {
    const url = new URL(server);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

const jsonHeaders = (locale: Locale) => ({ 'content-type': 'application/json', accept: 'application/json', 'accept-language': locale });

async function send(url: URL, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new ApiCallError(0, 'UNREACHABLE', `${url.origin}: the server could not be reached (${cause?.code ?? cause?.message ?? String(error)})`);
  }
}

/** The answer's JSON, or its refusal as an ApiCallError with the server's code and message. */
async function answer(response: Response): Promise<unknown> {
  const text = await response.text();
  const body = parse(text);
  if (response.ok) return body;
  const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  throw new ApiCallError(response.status, error?.code ?? `HTTP_${response.status}`, error?.message ?? `${response.status} ${response.statusText}`);
}

function parse(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

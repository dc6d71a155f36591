/**
 * The HTTP API client: JSON in and out, the session cookie sent by the browser, the CSRF
 * token added to every change, and errors as ApiError with the server's stable code.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let csrfToken = '';

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  readonly contentType?: string;
  /**
   * Money moves: the request carries an Idempotency-Key, the same for the same request until
   * the server has answered it, so that a retry after a lost answer pays once.
   */
  readonly idempotent?: boolean;
}

/** Keys of money-moving requests the server has not answered yet, by request. */
const unanswered = new Map<string, string>();

function idempotencyKey(request: string): string {
  let key = unanswered.get(request);
  if (!key) {
    // Not crypto.randomUUID: it exists only on HTTPS, and district servers may be reached over plain HTTP.
    key = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
    unanswered.set(request, key);
  }
  return key;
}

export async function request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const contentType = options.contentType ?? 'application/json';
  const text = body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : (body as string);
  const id = `${method} ${path} ${text ?? ''}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(body !== undefined ? { 'content-type': contentType } : {}),
        ...(method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
        // The language the screens are in (i18n sets it on the page), for the server's advice on a password.
        'accept-language': document.documentElement.lang || 'fr',
        ...(options.idempotent ? { 'idempotency-key': idempotencyKey(id) } : {}),
      },
      ...(text !== undefined ? { body: text } : {}),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'no connection to the server');
  }
  // Answered: a new request of the same content is a new action. Not after a 5xx or while the first is under way (409): it may yet have acted.
  if (response.status < 500 && !(await stillUndecided(response))) unanswered.delete(id);
  if (response.status === 204) return undefined as T;
  const payload = (await response.json().catch(() => ({}))) as { error?: { code: string; message: string; details?: unknown } };
  if (!response.ok) {
    const error = payload.error ?? { code: `HTTP_${response.status}`, message: response.statusText };
    throw new ApiError(response.status, error.code, error.message, error.details);
  }
  return payload as T;
}

/** Whether a 409 says the first request with the key is under way or was cut short (the body stays readable). */
async function stillUndecided(response: Response): Promise<boolean> {
  if (response.status !== 409) return false;
  const payload = (await response.clone().json().catch(() => ({}))) as { error?: { code?: string } };
  return payload.error?.code === 'IDEMPOTENCY_IN_PROGRESS' || payload.error?.code === 'IDEMPOTENCY_UNKNOWN';
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, body),
};

/** Query-string from defined values only. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const entries = Object.entries(params).filter(([, value]) => value !== undefined && value !== '');
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}`;
}

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

export async function request<T>(method: Method, path: string, body?: unknown, contentType = 'application/json'): Promise<T> {
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
      },
      ...(body !== undefined ? { body: contentType === 'application/json' ? JSON.stringify(body) : (body as string) } : {}),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'no connection to the server');
  }
  if (response.status === 204) return undefined as T;
  const payload = (await response.json().catch(() => ({}))) as { error?: { code: string; message: string; details?: unknown } };
  if (!response.ok) {
    const error = payload.error ?? { code: `HTTP_${response.status}`, message: response.statusText };
    throw new ApiError(response.status, error.code, error.message, error.details);
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, body),
};

/** Query-string from defined values only. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const entries = Object.entries(params).filter(([, value]) => value !== undefined && value !== '');
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}`;
}

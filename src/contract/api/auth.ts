import { z } from 'zod';
import { ACTIONS } from '../actions.ts';
import { route } from '../http.ts';
import { ROLES } from '../roles.ts';

/** A password as typed at sign-in: accounts older than PASSWORD_RULES may hold a longer one; bounded so a body cannot make scrypt hash megabytes. */
const typedPassword = z.string().min(1).max(1024);

export const grant = z.object({ programmeId: z.string(), role: z.enum(ROLES), orgUnitId: z.string() });

/**
 * Whether the user may take an action somewhere in a programme (on some subtree, or the
 * whole of it for a national action), whether over all of it (with a role at the root), and
 * the units at the top of the subtrees it reaches. Screens offer what this says; the server
 * checks again on every call.
 */
export const capability = z.object({ somewhere: z.boolean(), national: z.boolean(), roots: z.array(z.string()).readonly() });
export const capabilities = z.record(z.enum(ACTIONS), capability);

export const me = z.object({
  userId: z.number(),
  username: z.string(),
  name: z.string(),
  locale: z.string(),
  grants: z.array(grant).readonly(),
  /** By programme the user holds roles in: what they may do there. */
  capabilities: z.record(z.string(), capabilities),
  csrfToken: z.string(),
  /** After an admin's reset: nothing but a new password until it is chosen. */
  mustChangePassword: z.boolean(),
});

export const login = route({
  method: 'POST',
  url: '/auth/login',
  tags: ['auth'],
  summary: 'Sign in; sets the httpOnly session cookie and returns the CSRF token',
  body: z.object({ username: z.string().min(1), password: typedPassword }),
  response: { 200: me },
});

export const logout = route({
  method: 'POST',
  url: '/auth/logout',
  tags: ['auth'],
  summary: 'Sign out: ends the session',
  response: { 204: z.null() },
});

export const currentUser = route({
  method: 'GET',
  url: '/auth/me',
  tags: ['auth'],
  summary: 'The signed-in user, roles, what they may do per programme, and CSRF token',
  response: { 200: me },
});

export const changePassword = route({
  method: 'POST',
  url: '/auth/password',
  tags: ['auth'],
  summary: 'Change your own password; your other sessions end, this one stays',
  body: z.object({ currentPassword: typedPassword, newPassword: z.string() }),
  response: { 204: z.null() },
});

import { z } from 'zod';
import { USERNAME } from '../accounts.ts';
import { route } from '../http.ts';
import { LOCALES } from '../locales.ts';
import { grant } from './auth.ts';
import { page, pageQuery, recordIdParam } from './common.ts';

export const managedUser = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  locale: z.string(),
  active: z.boolean(),
  platformAdmin: z.boolean(),
  lastLoginAt: z.date().nullable(),
  grants: z.array(grant),
});
const userParams = z.object({ userId: recordIdParam });

export const listUsers = route({
  method: 'GET',
  url: '/users',
  tags: ['users'],
  summary: 'The users you manage',
  querystring: pageQuery,
  response: { 200: page(managedUser) },
});

export const createUser = route({
  method: 'POST',
  url: '/users',
  tags: ['users'],
  summary: 'Create a user, without roles yet',
  body: z.object({
    username: z.string().regex(USERNAME),
    name: z.string().min(1),
    password: z.string().min(10, 'at least 10 characters'),
    locale: z.enum(LOCALES).default('fr'),
  }),
  response: { 201: z.object({ id: z.number() }) },
});

export const setUserActive = route({
  method: 'PATCH',
  url: '/users/:userId',
  tags: ['users'],
  summary: 'Deactivate or reactivate a user you manage (not yourself)',
  params: userParams,
  body: z.object({ active: z.boolean() }),
  response: { 204: z.null() },
});

export const grantRole = route({
  method: 'POST',
  url: '/users/:userId/roles',
  tags: ['users'],
  summary: 'Give a role over a subtree of yours to a user you manage',
  params: userParams,
  body: grant,
  response: { 204: z.null() },
});

export const revokeRole = route({
  method: 'DELETE',
  url: '/users/:userId/roles',
  tags: ['users'],
  summary: 'Take a role away from a user you manage',
  params: userParams,
  body: grant,
  response: { 204: z.null() },
});

export const resetPassword = route({
  method: 'POST',
  url: '/users/:userId/password-reset',
  tags: ['users'],
  summary: 'Reset the password of a user you manage (not yourself): they must choose a new one at their next sign-in',
  params: userParams,
  body: z.object({ temporaryPassword: z.string().optional() }),
  response: { 200: z.object({ temporaryPassword: z.string().nullable() }) },
});

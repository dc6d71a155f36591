import type { Actor } from '../actor.ts';
import { capabilitiesByProgramme } from '../policies/capabilities.ts';

/** What the client learns of the signed-in user: who they are, their roles, what they may do where, and the session's CSRF token. */
export function signedInUser(actor: Actor, session: { readonly csrfToken: string; readonly mustChangePassword: boolean }) {
  return { ...actor, capabilities: capabilitiesByProgramme(actor), csrfToken: session.csrfToken, mustChangePassword: session.mustChangePassword };
}

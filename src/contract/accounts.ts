/** A user name: what one types at sign-in, chosen by the admin who creates the account. */
export const USERNAME = /^[a-z0-9._-]{3,40}$/;

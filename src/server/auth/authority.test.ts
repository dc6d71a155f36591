import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { authorityPlugin, describeAuthority } from './authority.ts';

describe('declared authority', () => {
  const build = async (config: object | undefined) => {
    const app = Fastify();
    await app.register(authorityPlugin);
    app.post('/api/programmes/:programmeId/things', { ...(config ? { config } : {}) }, async () => ({}));
    await app.ready();
    return app;
  };

  it('refuses to build an app with an API route that declares none, or one that does not exist', async () => {
    await expect(build(undefined)).rejects.toThrow("POST /api/programmes/:programmeId/things: declare config.authority ('public', 'session', 'platform' or an action)");
    await expect(build({ authority: 'programme.design' })).rejects.toThrow('declare config.authority');
    await expect(build({ authority: [] })).rejects.toThrow('declare config.authority');
    await expect(build({ authority: 'rules.write' })).resolves.toBeDefined();
  });

  it('refuses a change outside /api, where no session is checked', async () => {
    const app = Fastify();
    await app.register(authorityPlugin);
    await app.after();
    expect(() => app.post('/upload', async () => ({}))).toThrow('POST /upload: only reads may live outside /api');
  });

  it('says in the documentation who may call a route', () => {
    expect(describeAuthority('rules.write')).toBe("Needs 'rules.write': role designer or admin, held at the root of the tree (national).");
    expect(describeAuthority(['data.declare', 'data.verify'])).toBe(
      "Needs 'data.declare': role clerk, on a subtree holding the record. Or: Needs 'data.verify': role verifier, on a subtree holding the record.",
    );
  });
});

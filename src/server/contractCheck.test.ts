import Fastify, { type FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { route } from '../contract/http.ts';
import { contractCheck, schemaOf } from './contractCheck.ts';
import { serializerCompiler } from './serializer.ts';
import { validatorCompiler } from './validation.ts';

const widget = route({
  method: 'POST',
  url: '/widgets',
  tags: ['test'],
  body: z.object({ name: z.string() }),
  response: { 201: z.object({ id: z.number(), name: z.string() }) },
});

/** An app serving `register`'s routes under the check; what it refuses, `ready()` throws. */
function appServing(register: (app: FastifyInstance) => void) {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  void app.register(contractCheck, { routes: [widget] });
  void app.register(async (api) => register(api), { prefix: '/api' });
  return app;
}

describe('the API contract check', () => {
  it('serves a route registered under its contract, answering in its shape', async () => {
    const app = appServing((api) =>
      api.withTypeProvider<ZodTypeProvider>().post(widget.url, { schema: schemaOf(widget) }, async (request, reply) => {
        return reply.status(201).send({ id: 7, name: request.body.name, secret: 'left out' } as { id: number; name: string });
      }),
    );
    const answer = await app.inject({ method: 'POST', url: '/api/widgets', payload: { name: 'A' } });
    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toEqual({ id: 7, name: 'A' });
    await app.close();
  });

  it('refuses a route the contract does not hold', async () => {
    const app = appServing((api) => {
      api.post(widget.url, { schema: schemaOf(widget) }, async () => ({}));
      api.get('/gadgets', { schema: { response: { 200: z.object({}) } } }, async () => ({}));
    });
    await expect(app.ready()).rejects.toThrow('GET /api/gadgets: not in the API contract');
  });

  it('refuses a route whose schema is a copy of the contract’s, not the contract’s own', async () => {
    const app = appServing((api) =>
      api.post(widget.url, { schema: { ...schemaOf(widget), response: { 201: z.object({ id: z.number(), name: z.string() }) } } }, async () => ({})),
    );
    await expect(app.ready()).rejects.toThrow("POST /api/widgets: its 201 answer's schema is not the contract's");
  });

  it('refuses a route registered with another method than its contract’s', async () => {
    const app = appServing((api) => api.put(widget.url, { schema: schemaOf(widget) }, async () => ({})));
    await expect(app.ready()).rejects.toThrow('PUT /api/widgets: not in the API contract');
  });

  it('refuses a contract route no handler serves', async () => {
    const app = appServing(() => undefined);
    await expect(app.ready()).rejects.toThrow('the API contract has routes no handler serves: POST /api/widgets');
  });
});

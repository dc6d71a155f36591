import { z } from 'zod';
import { route } from '../http.ts';

export const health = route({
  method: 'GET',
  url: '/health',
  tags: ['system'],
  summary: 'Whether the server is up',
  response: { 200: z.object({ status: z.literal('ok') }) },
});

import { z } from 'zod';
export async function healthRoutes(app) {
    app.withTypeProvider().get('/health', {
        config: { authority: 'public' }, schema: { tags: ['system'], response: { 200: z.object({ status: z.literal('ok') }) } }
    }, async () => ({ status: 'ok' }));
}
//# sourceMappingURL=health.js.map
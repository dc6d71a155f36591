import type { FastifyInstance } from 'fastify';
import type { JobRunner } from '../../domain/jobs/jobRunner.ts';
import type { AppOptions } from '../app.ts';
import { adjustmentRoutes } from './adjustments.ts';
import { auditRoutes } from './audit.ts';
import { dashboardRoutes } from './dashboards.ts';
import { authRoutes } from './auth.ts';
import { dataValueRoutes } from './dataValues.ts';
import { dryRunRoutes } from './dryRun.ts';
import { funderRoutes } from './funders.ts';
import { healthRoutes } from './health.ts';
import { invoiceRoutes } from './invoices.ts';
import { invoiceRunRoutes } from './invoiceRuns.ts';
import { jobRoutes } from './jobs.ts';
import { orgUnitRoutes } from './orgUnits.ts';
import { paymentOrderRoutes } from './paymentOrders.ts';
import { passwordRoutes } from './passwords.ts';
import { paymentRoutes } from './payments.ts';
import { programmeRoutes } from './programmes.ts';
import { publicRoutes } from './public.ts';
import { userRoutes } from './users.ts';
import { verificationDrawRoutes } from './verificationDraws.ts';
import { workflowRoutes } from './workflow.ts';

/** Every API route, under /api. One line per resource. */
export async function registerRoutes(app: FastifyInstance, options: AppOptions & { jobs: JobRunner }) {
  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(authRoutes, options);
      await api.register(programmeRoutes, options);
      await api.register(orgUnitRoutes, options);
      await api.register(userRoutes, options);
      await api.register(passwordRoutes, options);
      await api.register(auditRoutes, options);
      await api.register(verificationDrawRoutes, options);
      await api.register(dataValueRoutes, options);
      await api.register(dryRunRoutes, options);
      await api.register(workflowRoutes, options);
      await api.register(invoiceRunRoutes, options);
      await api.register(jobRoutes, options);
      await api.register(invoiceRoutes, options);
      await api.register(adjustmentRoutes, options);
      await api.register(funderRoutes, options);
      await api.register(paymentOrderRoutes, options);
      await api.register(paymentRoutes, options);
      await api.register(dashboardRoutes, options);
      await api.register(publicRoutes, options);
    },
    { prefix: '/api' },
  );
}

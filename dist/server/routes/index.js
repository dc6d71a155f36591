import { auditRoutes } from "./audit.js";
import { dashboardRoutes } from "./dashboards.js";
import { authRoutes } from "./auth.js";
import { dataValueRoutes } from "./dataValues.js";
import { dryRunRoutes } from "./dryRun.js";
import { funderRoutes } from "./funders.js";
import { healthRoutes } from "./health.js";
import { invoiceRoutes } from "./invoices.js";
import { invoiceRunRoutes } from "./invoiceRuns.js";
import { orgUnitRoutes } from "./orgUnits.js";
import { paymentOrderRoutes } from "./paymentOrders.js";
import { passwordRoutes } from "./passwords.js";
import { paymentRoutes } from "./payments.js";
import { programmeRoutes } from "./programmes.js";
import { publicRoutes } from "./public.js";
import { userRoutes } from "./users.js";
import { verificationDrawRoutes } from "./verificationDraws.js";
import { workflowRoutes } from "./workflow.js";
/** Every API route, under /api. One line per resource. */
export async function registerRoutes(app, options) {
    await app.register(async (api) => {
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
        await api.register(invoiceRoutes, options);
        await api.register(funderRoutes, options);
        await api.register(paymentOrderRoutes, options);
        await api.register(paymentRoutes, options);
        await api.register(dashboardRoutes, options);
        await api.register(publicRoutes, options);
    }, { prefix: '/api' });
}
//# sourceMappingURL=index.js.map
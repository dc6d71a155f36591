import { eq } from 'drizzle-orm';
import { recordAudit } from "../domain/audit.js";
import { importOrgUnits } from "../domain/orgTree/importTree.js";
import { createProgramme, saveProgrammeVersion } from "../domain/programmes.js";
import { createUser, grantRole } from "../domain/users.js";
import { bulkInsert } from "../store/bulkInsert.js";
import { budgets, contracts, dataValues, funderShares, funders, periodStatus, users } from "../store/schema.js";
import { FUNDERS } from "./funders.js";
import { demoDataValues } from "./generate.js";
import { DEMO_LOGINS, DEMO_PASSWORD } from "./logins.js";
import { DEMO_PROGRAMME, PACKAGES } from "./programme.js";
const PROGRAMME = DEMO_PROGRAMME.id;
const REASON = 'demo data (src/demo)';
/**
 * Writes the whole demo in the caller's transaction, through the domain's use cases where
 * they exist (programme, org units, users, rules) and in bulk for the data. Bulk writes are
 * audited once per table and period, with counts, rather than once per value.
 */
export async function loadDemo(tx, demo) {
    await createProgramme(tx, null, { ...DEMO_PROGRAMME });
    const { added: orgUnits } = await importOrgUnits(tx, null, PROGRAMME, demo.geography.orgUnits);
    const designer = await createLogins(tx);
    await saveProgrammeVersion(tx, designer, PROGRAMME, {
        definition: demo.program,
        effectiveFrom: demo.months[0],
        note: 'Demo rules, from programmes/burundi/fbp_burundi.yaml',
    });
    await insertFunding(tx, demo);
    await insertContracts(tx, demo);
    const values = await insertDataValues(tx, demo);
    await insertPeriodStatus(tx, demo);
    return { orgUnits, users: DEMO_LOGINS.length, dataValues: values };
}
/** Creates the demo logins and returns the designer, who saves the rules. */
async function createLogins(tx) {
    let designer;
    for (const login of DEMO_LOGINS) {
        const userId = await createUser(tx, null, { username: login.username, name: login.name, password: DEMO_PASSWORD });
        await grantRole(tx, null, { userId, programmeId: PROGRAMME, role: login.role, orgUnitId: login.orgUnitId });
        // The demo's admin also administers the platform, so that creating a programme can be tried.
        if (login.role === 'admin')
            await tx.update(users).set({ platformAdmin: true }).where(eq(users.id, userId));
        if (login.role === 'designer')
            designer = { userId, username: login.username, name: login.name, locale: 'fr', grants: [], platformAdmin: false };
    }
    if (!designer)
        throw new Error('the demo logins need a designer to save the rules');
    return designer;
}
async function insertFunding(tx, demo) {
    await tx.insert(funders).values(FUNDERS.map((funder) => ({ programmeId: PROGRAMME, ...funder })));
    const shares = demo.funderShares.map((share) => ({ programmeId: PROGRAMME, ...share, share: String(share.share), validFrom: demo.months[0] }));
    await tx.insert(funderShares).values(shares);
    await bulkInsert(tx, budgets, demo.budgets.map((budget) => ({ programmeId: PROGRAMME, ...budget, amount: String(budget.amount) })));
    await recordAudit(tx, [
        ...FUNDERS.map((funder) => audit('funder', funder.id, funder)),
        ...demo.funderShares.map((share) => ({ ...audit('funder_share', `${share.funderId}@${share.orgUnitId}`, share), orgUnitId: share.orgUnitId })),
        audit('budgets', PROGRAMME, { count: demo.budgets.length, quarters: demo.quarters }),
    ]);
}
async function insertContracts(tx, demo) {
    const start = demo.months[0];
    await bulkInsert(tx, contracts, demo.contracts.map((contract) => ({ programmeId: PROGRAMME, ...contract, startPeriod: start })));
    await recordAudit(tx, audit('contracts', PROGRAMME, { count: demo.contracts.length, startPeriod: start }));
}
async function insertDataValues(tx, demo) {
    let total = 0;
    for (const batch of demoDataValues(demo)) {
        const rows = batch.map(({ enteredAt, value, ...key }) => ({ programmeId: PROGRAMME, ...key, value: String(value), updatedAt: enteredAt }));
        await bulkInsert(tx, dataValues, rows);
        await recordAudit(tx, audit('data_values', `${PROGRAMME}:${batch[0]?.period ?? ''}`, { count: rows.length }));
        total += rows.length;
    }
    return total;
}
/** Every generated period has been validated by the committee, so it is locked. */
async function insertPeriodStatus(tx, demo) {
    const rows = demo.geography.facilities.flatMap((facility) => {
        const { quantity, quality } = PACKAGES[facility.type];
        const line = { programmeId: PROGRAMME, orgUnitId: facility.id, status: 'validated' };
        return [
            ...demo.months.map((period) => ({ ...line, period, package: quantity })),
            ...demo.quarters.map((period) => ({ ...line, period, package: quality })),
        ];
    });
    await bulkInsert(tx, periodStatus, rows);
    await recordAudit(tx, audit('period_status', PROGRAMME, { count: rows.length, status: 'validated' }));
}
function audit(entity, entityKey, newValue) {
    return { programmeId: PROGRAMME, userId: null, action: 'import', entity, entityKey, orgUnitId: null, newValue, reason: REASON };
}
//# sourceMappingURL=loadDemo.js.map
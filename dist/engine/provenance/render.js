import { renderMessage } from "../messages/catalogue.js";
/** The explanation as an indented tree of text lines, for terminals and logs. */
export function renderExplanation(explained, locale = 'en') {
    const lines = [];
    const t = (key, params = {}) => renderMessage(key, params, locale);
    const show = (value) => (value === value ? String(value) : t('explain.failed'));
    const visit = (node, lead, childLead) => {
        const source = t(`explain.source.${node.source}`, { location: node.location });
        const repeated = node.repeated ? ` ${t('explain.repeated')}` : '';
        const { name, orgUnit, period } = node;
        lines.push(`${lead}${t('explain.value', { name, orgUnit, period, value: show(node.value) })}  — ${source}${repeated}`);
        const detail = (text) => lines.push(`${childLead}${node.reads.length > 0 ? '│ ' : '  '} ${text}`);
        if (node.formula) {
            detail(`= ${node.formula.text}`);
            detail(`= ${node.formula.substituted}`);
        }
        if (node.source === 'table')
            detail(node.table ? describeRow(node, t) : t('explain.noRow'));
        if (node.entries) {
            const entries = node.entries.map((entry) => `${entry.period}: ${entry.value}`).join(', ');
            detail(entries ? t('explain.entries', { entries }) : t('explain.noEntry'));
        }
        node.reads.forEach((child, i) => {
            const last = i === node.reads.length - 1;
            visit(child, `${childLead}${last ? '└─ ' : '├─ '}`, `${childLead}${last ? '   ' : '│  '}`);
        });
    };
    visit(explained, '', '');
    const version = explained.program.version ?? t('explain.unversioned');
    lines.push(t('explain.programme', { code: explained.program.code, version }));
    return lines.join('\n');
}
function describeRow(node, t) {
    const table = node.table;
    const validity = table.from === undefined && table.to === undefined
        ? t('explain.always')
        : t('explain.validity', { from: table.from ?? '…', to: table.to ?? '…' });
    const cells = Object.entries(table.cells)
        .map(([column, cell]) => `${column}=${cell}`)
        .join(', ');
    return t('explain.tableRow', { table: table.table, row: table.row, validity, cells });
}
//# sourceMappingURL=render.js.map
import { useCan } from '../api/session.tsx';
import type { StatusLine } from '../entry/api.ts';
import { entryMonthOf, lastCompletedMonth, lastCompletedQuarter } from '../../../src/contract/periods.ts';
import { WorkList } from './WorkList.tsx';

const unitPeriod = (line: StatusLine, period: string) => `unit=${encodeURIComponent(line.orgUnit)}&period=${period}`;

/** The clerk enters a quarterly package's values month by month: its link opens the quarter's last month. */
const entryLink = (line: StatusLine) => `/entry?${unitPeriod(line, entryMonthOf(line.period))}`;
const verificationLink = (line: StatusLine) => `/field/${encodeURIComponent(line.orgUnit)}/${line.period}`;
const validationLink = (line: StatusLine) =>
  `/validation/${encodeURIComponent(line.orgUnit)}/${line.period}/${encodeURIComponent(line.package)}`;

/** Per step the user may take, what waits in the periods that just ended: forms to declare, visits to verify, packages to validate. */
export function WorkLists() {
  const periods = [lastCompletedMonth(), lastCompletedQuarter()];
  const [declares, verifies, validates] = [useCan('data.declare'), useCan('data.verify'), useCan('data.validate')];
  return (
    <div className="work-lists">
      {declares && <WorkList action="data.declare" status="open" title="home.toDeclare" periods={periods} link={entryLink} />}
      {verifies && <WorkList action="data.verify" status="declared" title="home.toVerify" periods={periods} link={verificationLink} />}
      {validates && <WorkList action="data.validate" status="verified" title="home.toValidate" periods={periods} link={validationLink} />}
    </div>
  );
}

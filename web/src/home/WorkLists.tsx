import { useSession } from '../api/session.tsx';
import type { StatusLine } from '../entry/api.ts';
import { entryMonthOf, lastCompletedMonth, lastCompletedQuarter } from '../../../src/contract/periods.ts';
import { WorkList } from './WorkList.tsx';

const unitPeriod = (line: StatusLine, period: string) => `unit=${encodeURIComponent(line.orgUnit)}&period=${period}`;

/** The clerk enters a quarterly package's values month by month: its link opens the quarter's last month. */
const entryLink = (line: StatusLine) => `/entry?${unitPeriod(line, entryMonthOf(line.period))}`;
const verificationLink = (line: StatusLine) => `/field/${encodeURIComponent(line.orgUnit)}/${line.period}`;
const validationLink = (line: StatusLine) =>
  `/validation/${encodeURIComponent(line.orgUnit)}/${line.period}/${encodeURIComponent(line.package)}`;

/** Per role, what waits in the periods that just ended: forms to declare, visits to verify, packages to validate. */
export function WorkLists() {
  const { hasRole } = useSession();
  const periods = [lastCompletedMonth(), lastCompletedQuarter()];
  return (
    <div className="work-lists">
      {hasRole('clerk') && <WorkList role="clerk" status="open" title="home.toDeclare" periods={periods} link={entryLink} />}
      {hasRole('verifier') && <WorkList role="verifier" status="declared" title="home.toVerify" periods={periods} link={verificationLink} />}
      {hasRole('validator') && <WorkList role="validator" status="verified" title="home.toValidate" periods={periods} link={validationLink} />}
    </div>
  );
}

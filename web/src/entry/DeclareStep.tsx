import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ErrorMessage } from '../components/Status.tsx';
import { formatPeriod } from '../i18n/format.ts';
import { invalidateUnit, useStepPolicies, type PackageStatus } from './api.ts';
import { hasEnded } from '../../../src/contract/periods.ts';

interface DeclareStepProps {
  readonly programmeId: string;
  readonly orgUnit: string;
  readonly status: PackageStatus;
  /** Why the package cannot be marked declared yet, in the clerk's words; empty when it can. */
  readonly blockers: readonly string[];
}

/** "Mark as declared": the clerk's step of the workflow (open → declared), for the package's own period, where the server's policy allows it. */
export function DeclareStep({ programmeId, orgUnit, status, blockers: entryBlockers }: DeclareStepProps) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const id = `declare-${status.package}`;
  const declare = useMutation({
    mutationFn: () => api.post(`/api/programmes/${programmeId}/workflow/${orgUnit}/${status.period}/${status.package}/declare`),
    onSettled: () => invalidateUnit(client, programmeId, orgUnit),
  });
  const policies = useStepPolicies(programmeId, orgUnit, status).data;
  if (!policies?.declare) return null;
  // A quarter's figures are complete only once its last month is over.
  const blockers = hasEnded(status.period)
    ? entryBlockers
    : [...entryBlockers, t('entry.blocked.notOver', { period: formatPeriod(status.period, i18n.language) })];
  return (
    <div className="declare-step">
      <button
        type="button"
        disabled={blockers.length > 0 || declare.isPending}
        aria-describedby={blockers.length > 0 ? `${id}-blockers` : undefined}
        onClick={() => declare.mutate()}
      >
        {t('entry.declare')}
      </button>
      {blockers.length > 0 && (
        <ul id={`${id}-blockers`} className="blockers">
          {blockers.map((blocker) => (
            <li key={blocker}>{blocker}</li>
          ))}
        </ul>
      )}
      {declare.error && <ErrorMessage error={declare.error} />}
    </div>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { invalidateUnit, useStepPolicies, type PackageStatus } from '../entry/api.ts';
import { StepBack } from '../entry/StepBack.tsx';
import { LockSummary, type LockFacts } from './LockSummary.tsx';

interface CommitteeActionsProps {
  readonly programmeId: string;
  readonly orgUnit: string;
  readonly title: string;
  readonly status: PackageStatus;
  /** Validated values typed but not saved yet: validating now would lock without them. */
  readonly unsaved: number;
  /** What validating will lock, summarised in the confirmation. */
  readonly facts: LockFacts;
}

/**
 * Validate (verified → validated, locking the values) after a confirmation of what will be
 * locked, return a verification to the verifier, or reopen a validated package: the two with
 * a reason. Each is offered where the server's policy for the package allows it.
 */
export function CommitteeActions({ programmeId, orgUnit, title, status, unsaved, facts }: CommitteeActionsProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const validate = useMutation({
    mutationFn: () => api.post(`/api/programmes/${programmeId}/workflow/${orgUnit}/${status.period}/${status.package}/validate`),
    onSuccess: () => setConfirming(false),
    onSettled: () => invalidateUnit(client, programmeId, orgUnit),
  });
  const policies = useStepPolicies(programmeId, orgUnit, status).data;
  const current = t(`workflow.status.${status.status}`);

  if (!policies) return null;
  if (policies.unlock) return <StepBack programmeId={programmeId} orgUnit={orgUnit} title={title} status={status} step="unlock" />;
  if (!policies.validate && !policies.returnVerification) {
    const waiting = status.status === 'open' || status.status === 'declared';
    return <p className="muted">{t(waiting ? 'validation.waiting' : 'validation.beyond', { status: current })}</p>;
  }
  return (
    <div className="declare-step">
      {policies.validate && (
        <>
          <button
            type="button"
            disabled={unsaved > 0 || validate.isPending}
            onClick={() => {
              validate.reset();
              setConfirming(true);
            }}
            aria-describedby="validate-help"
          >
            {t('penalty.lock.open')}
          </button>
          <p id="validate-help" className="small-text muted">
            {unsaved > 0 ? t('entry.blocked.unsaved', { count: unsaved }) : t('validation.validateHelp')}
          </p>
          <ConfirmDialog
            id="validate"
            open={confirming}
            title={t('penalty.lock.title', { title })}
            confirm={t('penalty.lock.confirm')}
            busy={validate.isPending || !facts.figures}
            error={validate.error}
            onConfirm={() => validate.mutate()}
            onCancel={() => setConfirming(false)}
          >
            <LockSummary facts={facts} />
          </ConfirmDialog>
        </>
      )}
      {policies.returnVerification && (
        <StepBack programmeId={programmeId} orgUnit={orgUnit} title={title} status={status} step="return-verification" disabled={validate.isPending} />
      )}
    </div>
  );
}

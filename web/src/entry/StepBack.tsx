import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ReasonDialog } from '../components/ReasonDialog.tsx';
import { invalidateUnit } from './api.ts';

/** The steps back of the workflow, each taken with a reason by the role that relied on what it reopens. */
export type BackStep = 'return-declaration' | 'return-verification' | 'unlock';

interface StepBackProps {
  readonly programmeId: string;
  readonly orgUnit: string;
  /** The package's workflow period and code. */
  readonly status: { readonly period: string; readonly package: string };
  /** The package and facility, as the dialog names them. */
  readonly title: string;
  readonly step: BackStep;
  readonly disabled?: boolean;
}

export function StepBack({ programmeId, orgUnit, status, title, step, disabled }: StepBackProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const post = async (reason: string) => {
    await api.post(`/api/programmes/${programmeId}/workflow/${orgUnit}/${status.period}/${status.package}/${step}`, { reason });
    await invalidateUnit(client, programmeId, orgUnit);
  };
  return (
    <ReasonDialog
      label={t(`workflow.back.${step}.label`)}
      title={t(`workflow.back.${step}.title`, { title })}
      help={t(`workflow.back.${step}.help`)}
      confirmLabel={t(`workflow.back.${step}.confirm`)}
      onConfirm={post}
      {...(disabled !== undefined ? { disabled } : {})}
    />
  );
}

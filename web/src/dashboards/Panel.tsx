import type { UseQueryResult } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../components/Status.tsx';

interface PanelProps<T> {
  readonly title: string;
  readonly result: UseQueryResult<T>;
  readonly isEmpty: (data: T) => boolean;
  readonly chart: (data: T) => ReactNode;
  /** The same figures as a table: the chart's accessible equivalent, and the exact numbers. */
  readonly table: (data: T) => ReactNode;
  readonly controls?: ReactNode;
  /** What the figures count, in a sentence. */
  readonly note?: string;
  readonly wide?: boolean;
}

/** A dashboard card: title, controls, the chart, its table behind a disclosure, loading and errors. */
export function Panel<T>({ title, result, isEmpty, chart, table, controls, note, wide }: PanelProps<T>) {
  const { t } = useTranslation();
  const id = useId();
  const { data } = result;
  return (
    <section className={wide ? 'panel wide' : 'panel'} aria-labelledby={id} aria-busy={result.isFetching}>
      <div className="panel-head">
        <h2 id={id}>{title}</h2>
        {controls}
      </div>
      {result.isPending && <Loading />}
      {result.error && <ErrorMessage error={result.error} onRetry={() => result.refetch()} />}
      {data !== undefined &&
        (isEmpty(data) ? (
          <p className="muted">{t('dashboards.empty')}</p>
        ) : (
          <>
            {chart(data)}
            <details className="figures">
              <summary>{t('dashboards.showTable')}</summary>
              {table(data)}
            </details>
          </>
        ))}
      {note && <p className="muted small-text">{note}</p>}
    </section>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api/client.ts';
import { Chart } from '../charts/Chart.tsx';
import type { ChartOption } from '../charts/echarts.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { amountAxis, baseOption, COLORS } from '../dashboards/chartOptions.ts';
import type { publishedResults } from '../../../src/contract/api/public.ts';
import type { Answer } from '../../../src/contract/http.ts';
import { formatMoney, formatNumber, formatPeriod } from '../i18n/format.ts';
import { switchLocale } from '../i18n/index.ts';
import { periodParts } from '../../../src/contract/periods.ts';

type Results = Answer<typeof publishedResults>;
type Row = Results['items'][number];

/** Everyone's view of a programme, without signing in: what was approved and paid, and quality, per province. */
export function PublicResults() {
  const { t, i18n } = useTranslation();
  const { programmeId = '' } = useParams();
  const results = useQuery({
    queryKey: ['public-results', programmeId],
    queryFn: () => api.get<Results>(`/api/public/programmes/${encodeURIComponent(programmeId)}/results`),
  });
  return (
    <div className="public">
      <header className="top">
        <span className="brand">{t('app.name')}</span>
        <span className="muted">{t('public.tagline')}</span>
        <span className="spacer" />
        <button type="button" className="link" lang={i18n.language === 'fr' ? 'en' : 'fr'} onClick={() => switchLocale(i18n.language === 'fr' ? 'en' : 'fr')}>
          {t('language.switch')}
        </button>
        <Link to="/">{t('signIn.submit')}</Link>
      </header>
      <main className="content">
        {results.isPending && <Loading />}
        {results.error && <ErrorMessage error={results.error} onRetry={() => results.refetch()} />}
        {results.data && <Published results={results.data} />}
      </main>
    </div>
  );
}

function Published({ results }: { results: Results }) {
  const { t } = useTranslation();
  const years = useMemo(() => [...new Set(results.items.map((item) => String(periodParts(item.quarter)?.year)))].sort().reverse(), [results]);
  const [chosen, setChosen] = useState<string>();
  const year = chosen ?? years[0];
  const rows = results.items.filter((item) => item.quarter.startsWith(year ?? ''));
  return (
    <section>
      <h1>{t('public.title', { programme: results.programme.name })}</h1>
      <p>{t('public.intro')}</p>
      {years.length === 0 ? (
        <p className="muted">{t('public.nothing')}</p>
      ) : (
        <>
          <label className="inline">
            {t('public.year')}
            <select value={year} onChange={(event) => setChosen(event.target.value)}>
              {years.map((option) => (
                <option key={option}>{option}</option>
              ))}
            </select>
          </label>
          <div className="panels">
            <ProvinceChart rows={rows} currency={results.programme.currency} year={year!} />
            <QualityChart rows={rows} year={year!} />
          </div>
          <ResultsTable rows={rows} currency={results.programme.currency} />
        </>
      )}
    </section>
  );
}

/** The year's figures per province: quarters added up, quality averaged over the quarters scored. */
function byProvince(rows: readonly Row[]) {
  const provinces = new Map<string, { name: string; approved: number; paid: number; scores: number[] }>();
  for (const row of rows) {
    const province = provinces.get(row.provinceId) ?? { name: row.provinceName, approved: 0, paid: 0, scores: [] };
    province.approved += row.approved;
    province.paid += row.paid;
    if (row.quality !== null) province.scores.push(row.quality);
    provinces.set(row.provinceId, province);
  }
  return [...provinces.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Provinces down the side, where long names have room; values along the bottom. */
function provinceAxes(provinces: readonly { name: string }[], values: object) {
  return {
    yAxis: { type: 'category' as const, inverse: true, data: provinces.map((province) => province.name), axisLabel: { width: 110, overflow: 'break' as const, lineHeight: 13 } },
    xAxis: values,
  };
}

const chartHeight = (rows: readonly Row[]) => Math.max(200, 30 * new Set(rows.map((row) => row.provinceId)).size + 70);

function ProvinceChart({ rows, currency, year }: { rows: readonly Row[]; currency: string; year: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const option = useMemo<ChartOption>(() => {
    const provinces = byProvince(rows);
    const money = (value: unknown) => formatMoney(Number(value), currency, locale);
    return {
      ...baseOption(),
      ...provinceAxes(provinces, amountAxis(locale)),
      series: [
        { type: 'bar', name: t('public.approved'), color: COLORS.ordered, data: provinces.map((province) => province.approved), tooltip: { valueFormatter: money } },
        { type: 'bar', name: t('public.paid'), color: COLORS.paid, data: provinces.map((province) => province.paid), tooltip: { valueFormatter: money } },
      ],
    };
  }, [rows, currency, locale, t]);
  return (
    <figure className="panel">
      <figcaption>
        <h2>{t('public.amountsTitle', { year })}</h2>
      </figcaption>
      <Chart option={option} label={t('public.amountsLabel', { year })} height={chartHeight(rows)} />
    </figure>
  );
}

function QualityChart({ rows, year }: { rows: readonly Row[]; year: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const option = useMemo<ChartOption>(() => {
    const provinces = byProvince(rows);
    const mean = (scores: number[]) => (scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length);
    return {
      ...baseOption(),
      legend: { show: false },
      ...provinceAxes(provinces, { type: 'value', axisLabel: { formatter: (value: number) => formatNumber(value, locale) } }),
      series: [
        {
          type: 'bar',
          name: t('public.quality'),
          color: COLORS.quality,
          data: provinces.map((province) => mean(province.scores)),
          tooltip: { valueFormatter: (value) => (typeof value === 'number' ? formatNumber(value, locale) : '—') },
        },
      ],
    };
  }, [rows, locale, t]);
  return (
    <figure className="panel">
      <figcaption>
        <h2>{t('public.qualityTitle', { year })}</h2>
      </figcaption>
      <Chart option={option} label={t('public.qualityLabel', { year })} height={chartHeight(rows)} />
    </figure>
  );
}

function ResultsTable({ rows, currency }: { rows: readonly Row[]; currency: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <>
      <h2>{t('public.tableTitle')}</h2>
      <div className="scroll-x">
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('public.province')}</th>
              <th scope="col" className="nowrap">{t('public.quarter')}</th>
              <th scope="col" className="number">{t('public.approved')}</th>
              <th scope="col" className="number">{t('public.paid')}</th>
              <th scope="col" className="number">{t('public.quality')}</th>
              <th scope="col" className="number">{t('public.facilities')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.provinceId}-${row.quarter}`}>
                <th scope="row">{row.provinceName}</th>
                <td className="nowrap">{formatPeriod(row.quarter, locale)}</td>
                <td className="number">{formatMoney(row.approved, currency, locale)}</td>
                <td className="number">{formatMoney(row.paid, currency, locale)}</td>
                <td className="number">{row.quality === null ? '—' : formatNumber(row.quality, locale)}</td>
                <td className="number">{formatNumber(row.facilities, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small-text">{t('public.note')}</p>
    </>
  );
}

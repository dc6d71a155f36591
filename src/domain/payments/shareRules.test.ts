import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../engine/index.ts';
import { sharesFor, type ShareRow } from './shareRules.ts';

let nextId = 1;
function share(funderId: string, path: string, value: string, extra: Partial<ShareRow> = {}): ShareRow {
  const orgUnitId = path.split('/').filter(Boolean).at(-1)!;
  return { id: nextId++, funderId, orgUnitId, path, payment: null, share: value, validFrom: '202401', validTo: null, ...extra };
}

const funders = (rows: readonly ShareRow[]) => rows.map((row) => `${row.funderId}@${row.orgUnitId}`);
const january = parsePeriod('202401')!;

describe('sharesFor', () => {
  const national = [share('gov', '/bi/', '0.4'), share('wb', '/bi/', '0.6')];
  const province = [share('eu', '/bi/p1/', '1')];

  it('takes the shares of the deepest subtree holding the unit', () => {
    expect(funders(sharesFor([...national, ...province], '/bi/p1/d1/cds_1/', 'monthly', january))).toEqual(['eu@p1']);
    expect(funders(sharesFor([...national, ...province], '/bi/p2/d2/cds_3/', 'monthly', january))).toEqual(['gov@bi', 'wb@bi']);
  });

  it('prefers shares naming the payment over shares for every payment at the same subtree', () => {
    const specific = [share('gavi', '/bi/', '1', { payment: 'quarterly' })];
    expect(funders(sharesFor([...national, ...specific], '/bi/p1/', 'quarterly', january))).toEqual(['gavi@bi']);
    expect(funders(sharesFor([...national, ...specific], '/bi/p1/', 'monthly', january))).toEqual(['gov@bi', 'wb@bi']);
  });

  it('uses only shares valid over the whole period', () => {
    const ended = [share('old', '/bi/', '1', { validTo: '202402' }), share('new', '/bi/', '1', { validFrom: '202403' })];
    expect(funders(sharesFor(ended, '/bi/p1/', 'monthly', january))).toEqual(['old@bi']);
    expect(funders(sharesFor(ended, '/bi/p1/', 'monthly', parsePeriod('202403')!))).toEqual(['new@bi']);
    expect(funders(sharesFor(ended, '/bi/p1/', 'monthly', parsePeriod('2024Q1')!))).toEqual([]);
  });

  it('does not take a unit whose id merely starts like the share’s', () => {
    expect(sharesFor([share('x', '/bi/p1/', '1')], '/bi/p10/', 'monthly', january)).toEqual([]);
  });
});

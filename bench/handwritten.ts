import type { DataSet, OrgUnitTree } from '../src/engine/index.ts';
import {
  BONUS_BANDS,
  EQUITY_BONUS,
  MONTHS,
  QUARTER,
  maxPoints,
  qualityCodes,
  quantityCodes,
  typeTariff,
  zoneTariff,
} from './nationalProgramme.ts';

/**
 * The benchmark programme's quarter written by hand in plain loops: the practical lower
 * bound for the engine. It reads the same DataSet and yields the same values, in the same
 * order of floating-point operations, so results compare exactly.
 */
export interface HandwrittenQuarter {
  readonly facilities: Int32Array;
  /** Per month: [facility][activity][gap, penalized, paid, amount] and per facility total, with_equity. */
  readonly quantity: { lines: Float64Array; total: Float64Array; withEquity: Float64Array }[];
  /** [facility][item][available, obtained]; per facility score, bonus rate. */
  readonly quality: { lines: Float64Array; score: Float64Array; bonusRate: Float64Array };
  /** Zone targets in zone order: [target][activity] amount; per target earned, capped; per district total, scale. */
  readonly zone: {
    targets: Int32Array;
    amount: Float64Array;
    earned: Float64Array;
    capped: Float64Array;
    districts: Int32Array;
    totalEarned: Float64Array;
    scale: Float64Array;
  };
  readonly payment: { quantityAmount: Float64Array; qualityBonus: Float64Array; toPay: Float64Array };
}

const A = quantityCodes.length;
const Q = qualityCodes.length;

export function handwrittenQuarter(tree: OrgUnitTree, data: DataSet): HandwrittenQuarter {
  const facilityList: number[] = [];
  const districtList: number[] = [];
  for (let unit = 0; unit < tree.size; unit++) {
    const type = tree.units[unit]!.groups?.type;
    if (type === 'cds' || type === 'hd') facilityList.push(unit);
    else if (type === 'district') districtList.push(unit);
  }
  const facilities = Int32Array.from(facilityList);
  const n = facilities.length;

  const quantity = MONTHS.map((month) => quantityMonth(tree, data, facilities, month));
  const quality = qualityQuarter(data, facilities);
  const zone = zoneQuarter(tree, data, districtList);

  const quantityAmount = new Float64Array(n);
  const qualityBonus = new Float64Array(n);
  const toPay = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let amount = 0;
    for (const month of quantity) amount += month.withEquity[i]!;
    quantityAmount[i] = amount;
    qualityBonus[i] = amount * quality.bonusRate[i]!;
    toPay[i] = amount + qualityBonus[i]!;
  }
  return { facilities, quantity, quality, zone, payment: { quantityAmount, qualityBonus, toPay } };
}

function quantityMonth(tree: OrgUnitTree, data: DataSet, facilities: Int32Array, month: string) {
  const n = facilities.length;
  const lines = new Float64Array(n * A * 4);
  const total = new Float64Array(n);
  const withEquity = new Float64Array(n);
  const tariffs = facilities.map((unit) => (tree.units[unit]!.groups?.type === 'hd' ? 1 : 0));
  for (let a = 0; a < A; a++) {
    const declared = data.column(month, 'declared', quantityCodes[a]!);
    const verified = data.column(month, 'verified', quantityCodes[a]!);
    const tariff = [typeTariff('cds', a), typeTariff('hd', a)];
    for (let i = 0; i < n; i++) {
      const unit = facilities[i]!;
      const d = declared ? declared[unit]! : Number.NaN;
      const v = verified ? verified[unit]! : Number.NaN;
      const dv = d === d ? d : 0;
      const vv = v === v ? v : 0;
      const gap = vv === 0 ? 0 : Math.abs(dv - vv) / vv;
      const penalized = gap > 0.1 ? 1 : 0;
      const paid = penalized === 1 ? 0 : vv;
      const amount = paid * tariff[tariffs[i]!]!;
      const base = (i * A + a) * 4;
      lines[base] = gap;
      lines[base + 1] = penalized;
      lines[base + 2] = paid;
      lines[base + 3] = amount;
    }
  }
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let a = 0; a < A; a++) sum += lines[(i * A + a) * 4 + 3]!;
    total[i] = sum;
    withEquity[i] = sum * (1 + EQUITY_BONUS[tree.units[facilities[i]!]!.groups!.equity!]!);
  }
  return { lines, total, withEquity };
}

function qualityQuarter(data: DataSet, facilities: Int32Array) {
  const n = facilities.length;
  const lines = new Float64Array(n * Q * 2);
  const score = new Float64Array(n);
  const bonusRate = new Float64Array(n);
  for (let q = 0; q < Q; q++) {
    const points = data.column(QUARTER, 'points', qualityCodes[q]!);
    const applicable = data.column(QUARTER, 'applicable', qualityCodes[q]!);
    const max = maxPoints(q);
    for (let i = 0; i < n; i++) {
      const unit = facilities[i]!;
      const p = points ? points[unit]! : Number.NaN;
      const app = applicable ? applicable[unit]! : Number.NaN;
      const available = app === app ? app * max : max;
      lines[(i * Q + q) * 2] = available;
      lines[(i * Q + q) * 2 + 1] = Math.min(p === p ? p : 0, available);
    }
  }
  for (let i = 0; i < n; i++) {
    let obtained = 0;
    let available = 0;
    for (let q = 0; q < Q; q++) available += lines[(i * Q + q) * 2]!;
    for (let q = 0; q < Q; q++) obtained += lines[(i * Q + q) * 2 + 1]!;
    const s = available === 0 ? 0 : obtained / available;
    score[i] = s;
    let rate = 0;
    for (let b = 0; b < BONUS_BANDS.length; b += 3) {
      if (BONUS_BANDS[b]! <= s && s < BONUS_BANDS[b + 1]!) {
        rate = BONUS_BANDS[b + 2]!;
        break;
      }
    }
    bonusRate[i] = rate;
  }
  return { lines, score, bonusRate };
}

function zoneQuarter(tree: OrgUnitTree, data: DataSet, districtList: number[]) {
  const targetList: number[] = [];
  const zoneStart: number[] = [];
  for (const district of districtList) {
    zoneStart.push(targetList.length);
    for (const unit of tree.descendants(district)) {
      const type = tree.units[unit]!.groups?.type;
      if (type === 'cds' || type === 'hd') targetList.push(unit);
    }
  }
  zoneStart.push(targetList.length);
  const targets = Int32Array.from(targetList);
  const n = targets.length;
  const amount = new Float64Array(n * A);
  const earned = new Float64Array(n);
  const capped = new Float64Array(n);
  for (let a = 0; a < A; a++) {
    const months = MONTHS.map((month) => data.column(month, 'verified', quantityCodes[a]!));
    const tariff = zoneTariff(a);
    for (let i = 0; i < n; i++) {
      let verified = Number.NaN;
      for (const column of months) {
        const value = column ? column[targets[i]!]! : Number.NaN;
        if (value === value) verified = verified === verified ? verified + value : value;
      }
      amount[i * A + a] = (verified === verified ? verified : 0) * tariff;
    }
  }
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let a = 0; a < A; a++) sum += amount[i * A + a]!;
    earned[i] = sum;
  }
  const budget = tree.attributeNames.indexOf('quarterly_budget');
  const totalEarned = new Float64Array(districtList.length);
  const scale = new Float64Array(districtList.length);
  districtList.forEach((district, z) => {
    let sum = 0;
    for (let i = zoneStart[z]!; i < zoneStart[z + 1]!; i++) sum += earned[i]!;
    totalEarned[z] = sum;
    const envelope = tree.attributeValues[district * tree.attributeNames.length + budget]!;
    scale[z] = Math.min(1, sum === 0 ? 0 : envelope / sum);
    for (let i = zoneStart[z]!; i < zoneStart[z + 1]!; i++) capped[i] = earned[i]! * scale[z]!;
  });
  return { targets, amount, earned, capped, districts: Int32Array.from(districtList), totalEarned, scale };
}

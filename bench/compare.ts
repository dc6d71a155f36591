import type { RunResult } from '../src/engine/index.ts';
import type { HandwrittenQuarter } from './handwritten.ts';
import { MONTHS, QUARTER } from './nationalProgramme.ts';

/** Throws at the first value where the engine and the hand-written quarter differ. */
export function assertSameValues(result: RunResult, hand: HandwrittenQuarter): number {
  let compared = 0;
  const same = (label: string, engine: number, expected: number) => {
    compared++;
    if (!Object.is(engine, expected)) throw new Error(`${label}: engine ${engine}, hand-written ${expected}`);
  };
  const run = (code: string, period: string) => {
    const found = result.packageRuns.find((r) => r.compiled.checked.pkg.code === code && r.period.id === period);
    if (!found) throw new Error(`no run of ${code} for ${period}`);
    return found;
  };
  const slot = (names: ReadonlyMap<string, number>, name: string) => names.get(name)!;

  MONTHS.forEach((month, m) => {
    const quantity = run('quantity', month);
    const { activitySlots, packageSlots } = quantity.compiled.layout;
    const slots = ['gap', 'penalized', 'paid', 'amount'].map((name) => slot(activitySlots, name));
    const lines = hand.quantity[m]!;
    hand.facilities.forEach((unit, i) => {
      const row = quantity.rowOf[unit]!;
      for (let a = 0; a < quantity.activityCount; a++) {
        slots.forEach((s, k) => same(`quantity ${month} line`, quantity.act[quantity.activitySlotIndex(row, a, s)]!, lines.lines[(i * quantity.activityCount + a) * 4 + k]!));
      }
      same(`quantity.total ${month}`, quantity.pkg[row * quantity.pkgStride + slot(packageSlots, 'total')]!, lines.total[i]!);
      same(`quantity.with_equity ${month}`, quantity.pkg[row * quantity.pkgStride + slot(packageSlots, 'with_equity')]!, lines.withEquity[i]!);
    });
  });

  const quality = run('quality', QUARTER);
  const available = slot(quality.compiled.layout.activitySlots, 'available');
  const obtained = slot(quality.compiled.layout.activitySlots, 'obtained');
  hand.facilities.forEach((unit, i) => {
    const row = quality.rowOf[unit]!;
    for (let q = 0; q < quality.activityCount; q++) {
      same('quality.available', quality.act[quality.activitySlotIndex(row, q, available)]!, hand.quality.lines[(i * quality.activityCount + q) * 2]!);
      same('quality.obtained', quality.act[quality.activitySlotIndex(row, q, obtained)]!, hand.quality.lines[(i * quality.activityCount + q) * 2 + 1]!);
    }
    same('quality.score', quality.pkg[row * quality.pkgStride + slot(quality.compiled.layout.packageSlots, 'score')]!, hand.quality.score[i]!);
    same('quality.bonus_rate', quality.pkg[row * quality.pkgStride + slot(quality.compiled.layout.packageSlots, 'bonus_rate')]!, hand.quality.bonusRate[i]!);
  });

  const zone = run('district_budget', QUARTER);
  const { activitySlots, packageSlots, zoneSlots } = zone.compiled.layout;
  hand.zone.targets.forEach((unit, i) => {
    const row = zone.rowOf[unit]!;
    for (let a = 0; a < zone.activityCount; a++) {
      same('zone amount', zone.act[zone.activitySlotIndex(row, a, slot(activitySlots, 'amount'))]!, hand.zone.amount[i * zone.activityCount + a]!);
    }
    same('zone earned', zone.pkg[row * zone.pkgStride + slot(packageSlots, 'earned')]!, hand.zone.earned[i]!);
    same('zone capped', zone.pkg[row * zone.pkgStride + slot(packageSlots, 'capped')]!, hand.zone.capped[i]!);
  });
  hand.zone.districts.forEach((_, z) => {
    same('zone total_earned', zone.zone[z * zone.zoneStride + slot(zoneSlots, 'total_earned')]!, hand.zone.totalEarned[z]!);
    same('zone scale', zone.zone[z * zone.zoneStride + slot(zoneSlots, 'scale')]!, hand.zone.scale[z]!);
  });

  const payment = result.paymentRuns[0]!;
  const paySlot = (name: string) => payment.compiled.layout.slots.get(name)!;
  hand.facilities.forEach((unit, i) => {
    const base = payment.rowOf[unit]! * payment.stride;
    same('quantity_amount', payment.values[base + paySlot('quantity_amount')]!, hand.payment.quantityAmount[i]!);
    same('quality_bonus', payment.values[base + paySlot('quality_bonus')]!, hand.payment.qualityBonus[i]!);
    same('to_pay', payment.values[base + paySlot('to_pay')]!, hand.payment.toPay[i]!);
  });
  return compared;
}

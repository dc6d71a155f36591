import type { UnitRecordInput } from '../contract/api/orgUnits.ts';
import provinceData from './burundi-provinces.json' with { type: 'json' };
import { PlaceNames, districtNames, slug } from './names.ts';
import { Random } from './random.ts';

export const COUNTRY = 'bi';
export const DISTRICTS = 45;

/** Quarterly PBF envelope per inhabitant, BIF: set so that a few districts overspend. */
const BUDGET_PER_CAPITA = 480;
const URBAN = new Set(['bujumbura_mairie']);

export type FacilityType = 'cds' | 'hd';
export type Equity = 'cat1' | 'cat2' | 'cat3';

export interface Province {
  readonly id: string;
  readonly name: string;
  readonly population: number;
}

export interface District {
  readonly id: string;
  readonly name: string;
  readonly provinceId: string;
  readonly population: number;
  readonly quarterlyBudget: number;
}

export interface Facility {
  readonly id: string;
  readonly name: string;
  readonly type: FacilityType;
  readonly districtId: string;
  readonly provinceId: string;
  /** Inhabitants of the catchment area. */
  readonly population: number;
  readonly equity: Equity;
  readonly ownership: 'public' | 'faith_based' | 'private';
}

export interface Geography {
  readonly provinces: readonly Province[];
  readonly districts: readonly District[];
  readonly facilities: readonly Facility[];
  /** Country → provinces → districts → facilities, as the store imports them. */
  readonly orgUnits: readonly UnitRecordInput[];
}

/**
 * Burundi's 18 provinces with their populations, split into 45 health districts and the
 * requested numbers of health centres and hospitals, each allotted by population.
 */
export function buildGeography(seed: number, counts: { healthCentres: number; hospitals: number }): Geography {
  const provinces = provinceData.provinces.map((p) => ({ id: slug(p.name), name: p.name, population: p.population_2008_k * 1000 }));
  const districts = buildDistricts(seed, provinces);
  const names = new PlaceNames(Random.stream(seed, 'facility-names'));
  const facilities = [...healthCentres(seed, districts, counts.healthCentres, names), ...hospitals(seed, districts, counts.hospitals, names)];
  return { provinces, districts, facilities, orgUnits: orgUnitRecords(provinces, districts, facilities) };
}

function buildDistricts(seed: number, provinces: readonly Province[]): District[] {
  const perProvince = apportion(DISTRICTS, provinces.map((p) => p.population), 1);
  return provinces.flatMap((province, p) => {
    const random = Random.stream(seed, `districts:${province.id}`);
    const weights = Array.from({ length: perProvince[p]! }, () => random.between(0.7, 1.3));
    const populations = apportion(province.population, weights, 0);
    return districtNames(province.name, weights.length).map((name, d) => ({
      id: `ds_${slug(name)}`,
      name: `District sanitaire ${name}`,
      provinceId: province.id,
      population: populations[d]!,
      quarterlyBudget: Math.round((populations[d]! * BUDGET_PER_CAPITA * random.between(0.85, 1.2)) / 1000) * 1000,
    }));
  });
}

function healthCentres(seed: number, districts: readonly District[], total: number, names: PlaceNames): Facility[] {
  const perDistrict = apportion(total, districts.map((d) => d.population), total >= districts.length ? 1 : 0);
  let number = 0;
  return districts.flatMap((district, d) => {
    const random = Random.stream(seed, `health-centres:${district.id}`);
    const weights = Array.from({ length: perDistrict[d]! }, () => random.between(0.5, 1.5));
    const populations = apportion(district.population, weights, 0);
    return populations.map((population) => {
      number++;
      return {
        id: `cds_${String(number).padStart(4, '0')}`,
        name: `CDS ${names.next()}`,
        type: 'cds' as const,
        districtId: district.id,
        provinceId: district.provinceId,
        population,
        equity: equityOf(random, district.provinceId),
        ownership: random.chance(0.62) ? 'public' : random.chance(0.75) ? 'faith_based' : 'private',
      };
    });
  });
}

/** One hospital per district, the most populous first; beyond 45, a second in the largest. */
function hospitals(seed: number, districts: readonly District[], total: number, names: PlaceNames): Facility[] {
  const ranked = [...districts].sort((a, b) => b.population - a.population);
  const hosts = Array.from({ length: total }, (_, i) => ranked[i % ranked.length]!);
  const random = Random.stream(seed, 'hospitals');
  return hosts.map((district, i) => {
    const second = i >= ranked.length;
    const inDistrict = hosts.filter((host) => host === district).length;
    return {
      id: `hd_${String(i + 1).padStart(3, '0')}`,
      name: second ? `Hôpital ${names.next()}` : `Hôpital de district ${district.name.replace('District sanitaire ', '')}`,
      type: 'hd' as const,
      districtId: district.id,
      provinceId: district.provinceId,
      population: Math.round(district.population / inDistrict),
      equity: equityOf(random, district.provinceId),
      ownership: second ? (random.chance(0.7) ? 'faith_based' : 'private') : 'public',
    };
  });
}

/** The capital's facilities are mostly accessible (cat1); rural ones spread over cat2 and cat3. */
function equityOf(random: Random, provinceId: string): Equity {
  const draw = random.next();
  if (URBAN.has(provinceId)) return draw < 0.9 ? 'cat1' : 'cat2';
  return draw < 0.15 ? 'cat1' : draw < 0.62 ? 'cat2' : 'cat3';
}

function orgUnitRecords(provinces: readonly Province[], districts: readonly District[], facilities: readonly Facility[]): UnitRecordInput[] {
  return [
    { id: COUNTRY, name: 'Burundi', groups: { type: 'country' }, attributes: { population: sum(provinces.map((p) => p.population)) } },
    ...provinces.map((p) => ({ id: p.id, name: p.name, parent: COUNTRY, groups: { type: 'province' }, attributes: { population: p.population } })),
    ...districts.map((d) => ({
      id: d.id,
      name: d.name,
      parent: d.provinceId,
      groups: { type: 'district' },
      attributes: { population: d.population, quarterly_budget: d.quarterlyBudget },
    })),
    ...facilities.map((f) => ({
      id: f.id,
      name: f.name,
      parent: f.districtId,
      groups: { type: f.type, equity: f.equity, ownership: f.ownership },
      attributes: { population: f.population },
    })),
  ];
}

/**
 * Splits a whole `total` in proportion to `weights` (largest remainders), giving each part
 * at least `minimum`, so parts always add up exactly to the total.
 */
export function apportion(total: number, weights: readonly number[], minimum: number): number[] {
  if (weights.length === 0) return [];
  const free = total - minimum * weights.length;
  const weightSum = sum(weights);
  const shares = weights.map((w) => (free * w) / weightSum);
  const parts = shares.map((share) => minimum + Math.floor(share));
  const order = shares.map((share, i) => ({ i, rest: share - Math.floor(share) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  const missing = total - sum(parts);
  for (let k = 0; k < missing; k++) parts[order[k]!.i]!++;
  return parts;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

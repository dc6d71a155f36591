import { z } from 'zod';
import type { Locale } from '../messages/catalogue.ts';
import { schemaError, type EngineError } from '../messages/errors.ts';
import { orgUnitSchema, type GroupFilter, type OrgUnitInput } from './programSchema.ts';
import { parseWithSchema } from './validation.ts';

/**
 * Each filter's groupsets and allowed groups, made once: a run asks every unit of the tree.
 * Keyed by the filter object, which programmes never change once parsed. Pure memoisation of a
 * function of that object alone: no database's state, so it may live in the module.
 */
const FILTERS = new WeakMap<GroupFilter, readonly (readonly [string, ReadonlySet<string>])[]>();

function filterEntries(filter: GroupFilter): readonly (readonly [string, ReadonlySet<string>])[] {
  let entries = FILTERS.get(filter);
  if (!entries) {
    entries = Object.entries(filter).map(([groupset, allowed]) => [groupset, new Set(allowed)] as const);
    FILTERS.set(filter, entries);
  }
  return entries;
}

/**
 * Whether a unit with these groups passes a package's filter: every listed groupset must hold
 * one of its listed groups; no filter matches all.
 */
export function groupsMatch(groups: Readonly<Record<string, unknown>> | undefined, filter: GroupFilter | undefined): boolean {
  if (!filter) return true;
  for (const [groupset, allowed] of filterEntries(filter)) {
    const group = groups?.[groupset];
    // As the unit schema reads a group (stored rows are not parsed again): a number stands for its text.
    if (!((typeof group === 'string' || typeof group === 'number') && allowed.has(String(group)))) return false;
  }
  return true;
}

const orgUnitsSchema = z.array(orgUnitSchema);

const LEVEL_FACT = /^level_(\d+)$/;

/** The org-unit hierarchy, indexed by position, with groups and numeric attributes. */
export class OrgUnitTree {
  readonly size: number;
  private readonly index: Map<string, number>;
  private readonly parents: Int32Array;
  private readonly depths: Int32Array;
  private children?: number[][];
  /** Attribute values, `size` rows of `attributeNames.length`, NaN where a unit lacks one. */
  readonly attributeValues: Float64Array;
  readonly attributeNames: readonly string[];

  private constructor(readonly units: readonly OrgUnitInput[], parents: Int32Array, depths: Int32Array) {
    this.size = units.length;
    this.index = new Map(units.map((unit, i) => [unit.id, i]));
    this.parents = parents;
    this.depths = depths;
    const names = new Set<string>();
    for (const unit of units) for (const name of Object.keys(unit.attributes ?? {})) names.add(name);
    this.attributeNames = [...names].sort();
    this.attributeValues = new Float64Array(this.size * this.attributeNames.length).fill(Number.NaN);
    units.forEach((unit, i) => {
      this.attributeNames.forEach((name, a) => {
        const value = unit.attributes?.[name];
        if (value !== undefined) this.attributeValues[i * this.attributeNames.length + a] = value;
      });
    });
  }

  /** Validates units and their parent links; every problem is reported, located by index. */
  static build(raw: unknown, locale: Locale = 'en'): { tree?: OrgUnitTree; errors: EngineError[] } {
    const parsed = parseWithSchema(orgUnitsSchema, raw, 'orgUnits', locale);
    if (!parsed.value) return { errors: parsed.errors };
    const units = parsed.value;
    const errors: EngineError[] = [];
    const index = new Map<string, number>();
    units.forEach((unit, i) => {
      const first = index.get(unit.id);
      if (first === undefined) index.set(unit.id, i);
      else errors.push(schemaError(`orgUnits[${i}].id`, 'schema.duplicateOrgUnit', { id: unit.id, first: `orgUnits[${first}]` }));
    });
    const parents = new Int32Array(units.length).fill(-1);
    units.forEach((unit, i) => {
      if (unit.parent === undefined) return;
      const parent = index.get(unit.parent);
      if (parent === undefined) {
        errors.push(schemaError(`orgUnits[${i}].parent`, 'schema.unknownParent', { parent: unit.parent }));
      } else parents[i] = parent;
    });
    const depths = computeDepths(parents);
    depths.forEach((depth, i) => {
      if (depth < 0) errors.push(schemaError(`orgUnits[${i}].parent`, 'schema.ancestorCycle', { id: units[i]!.id }));
    });
    if (errors.length > 0) return { errors };
    return { tree: new OrgUnitTree(units, parents, depths), errors };
  }

  indexOf(id: string): number | undefined {
    return this.index.get(id);
  }

  id(unit: number): string {
    return this.units[unit]!.id;
  }

  /** Depth counted from the root, which is level 1. */
  level(unit: number): number {
    return this.depths[unit]!;
  }

  parent(unit: number): number {
    return this.parents[unit]!;
  }

  /** The ancestor at `level` (the unit itself at its own level), or -1. */
  ancestorAt(unit: number, level: number): number {
    let current = unit;
    let depth = this.depths[unit]!;
    if (level < 1 || level > depth) return -1;
    while (depth > level) {
      current = this.parents[current]!;
      depth--;
    }
    return current;
  }

  /**
   * A fact for decision tables: `orgUnit`, `level_N` or a groupset name; undefined
   * when the unit has no such group or no ancestor that deep.
   */
  fact(unit: number, name: string): string | undefined {
    return this.factReader(name)(unit);
  }

  /** The reader of one fact, decided once per name for lookups over many units. */
  factReader(name: string): (unit: number) => string | undefined {
    if (name === 'orgUnit') return (unit) => this.id(unit);
    const level = LEVEL_FACT.exec(name);
    if (level) {
      const depth = Number(level[1]);
      return (unit) => {
        const ancestor = this.ancestorAt(unit, depth);
        return ancestor < 0 ? undefined : this.id(ancestor);
      };
    }
    return (unit) => this.units[unit]!.groups?.[name];
  }

  /** See groupsMatch. */
  matches(unit: number, filter: GroupFilter | undefined): boolean {
    return groupsMatch(this.units[unit]!.groups, filter);
  }

  /** Descendants at any depth, in depth-first order. */
  descendants(unit: number): number[] {
    const children = this.childLists();
    const found: number[] = [];
    const stack = [...(children[unit] ?? [])].reverse();
    while (stack.length > 0) {
      const next = stack.pop()!;
      found.push(next);
      const below = children[next]!;
      for (let i = below.length - 1; i >= 0; i--) stack.push(below[i]!);
    }
    return found;
  }

  private childLists(): number[][] {
    if (!this.children) {
      const lists: number[][] = Array.from({ length: this.size }, () => []);
      this.parents.forEach((parent, i) => {
        if (parent >= 0) lists[parent]!.push(i);
      });
      this.children = lists;
    }
    return this.children;
  }
}

/** Depth of each unit (roots are 1), -1 for units on a parent cycle. */
function computeDepths(parents: Int32Array): Int32Array {
  const depths = new Int32Array(parents.length);
  for (let start = 0; start < parents.length; start++) {
    const path: number[] = [];
    const onPath = new Set<number>();
    let current = start;
    while (current >= 0 && depths[current] === 0 && !onPath.has(current)) {
      path.push(current);
      onPath.add(current);
      current = parents[current]!;
    }
    let depth = current < 0 ? 0 : depths[current]!;
    if (current >= 0 && onPath.has(current)) depth = -1;
    for (let i = path.length - 1; i >= 0; i--) {
      depth = depth < 0 ? -1 : depth + 1;
      depths[path[i]!] = depth;
    }
  }
  return depths;
}

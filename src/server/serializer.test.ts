import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serializerCompiler } from './serializer.ts';

const userRef = z.object({ id: z.number(), username: z.string() });
const value = z.object({
  activity: z.string(),
  value: z.number(),
  version: z.number().int(),
  note: z.string().nullable(),
  updatedBy: userRef.nullable(),
  updatedAt: z.date(),
  groups: z.record(z.string(), z.string()),
  state: z.enum(['declared', 'verified']),
  reason: z.string().optional(),
  details: z.unknown(),
});
const write = serializerCompiler({ schema: z.object({ items: z.array(value), total: z.number() }) });
const at = new Date('2025-01-18T09:06:00.000Z');

describe('the response serializer', () => {
  it('writes what the schema declares as JSON.stringify would', () => {
    const item = { activity: 'anc', value: 1.5, version: 2, note: null, updatedBy: { id: 3, username: 'clerk' }, updatedAt: at, groups: { type: 'cds' }, state: 'declared', details: { at: ['x'] } };
    expect(JSON.parse(write({ items: [item], total: 1 }))).toEqual({ items: [{ ...item, updatedAt: '2025-01-18T09:06:00.000Z' }], total: 1 });
  });

  it('leaves out what the schema does not declare, at every level', () => {
    const row = { activity: 'anc', value: 1, version: 1, note: 'n', updatedBy: { id: 3, username: 'clerk', passwordHash: 'secret' }, updatedAt: at, groups: {}, state: 'verified', programmeId: 'p', details: null };
    const text = write({ items: [row], total: 1, debug: true });
    expect(text).not.toMatch(/passwordHash|secret|programmeId|debug/);
  });

  it('writes null for a null object or text, never an empty one', () => {
    const row = { activity: 'anc', value: 0, version: 1, note: null, updatedBy: null, updatedAt: at, groups: {}, state: 'declared', details: null };
    expect(JSON.parse(write({ items: [row], total: 1 })).items[0]).toMatchObject({ note: null, updatedBy: null, details: null });
  });

  it('refuses an answer missing a required field', () => {
    const { updatedAt: _missing, ...row } = { activity: 'anc', value: 0, version: 1, note: null, updatedBy: null, updatedAt: at, groups: {}, state: 'declared' };
    expect(() => write({ items: [row], total: 1 })).toThrow(/updatedAt/);
  });

  it('picks the branch of a union that the value matches', () => {
    const writeUnion = serializerCompiler({
      schema: z.union([z.object({ kind: z.literal('amount'), amount: z.string() }), z.object({ kind: z.literal('share'), share: z.number() })]),
    });
    expect(JSON.parse(writeUnion({ kind: 'share', share: 0.25, amount: 'leaked' }))).toEqual({ kind: 'share', share: 0.25 });
    expect(JSON.parse(writeUnion({ kind: 'amount', amount: '12.50' }))).toEqual({ kind: 'amount', amount: '12.50' });
  });

  it('refuses a schema that is not zod, or holds what JSON Schema cannot describe', () => {
    expect(() => serializerCompiler({ schema: { type: 'object' } })).toThrow(/zod/);
    expect(() => serializerCompiler({ schema: z.object({ row: z.custom<object>() }) })).toThrow(/custom/);
    expect(() => serializerCompiler({ schema: z.object({ amount: z.number().transform(String) }) })).toThrow(/transform/);
  });

  it('reads back any text, number and record as JSON.parse(JSON.stringify) would', () => {
    const arbitraryRow = fc.record({
      activity: fc.string(),
      value: fc.double({ noNaN: true, noDefaultInfinity: true }),
      version: fc.integer(),
      note: fc.option(fc.string(), { nil: null }),
      updatedBy: fc.option(fc.record({ id: fc.integer(), username: fc.string() }), { nil: null }),
      updatedAt: fc.date({ noInvalidDate: true, min: new Date('1970-01-01'), max: new Date('2999-12-31') }),
      groups: fc.dictionary(fc.string(), fc.string()),
      state: fc.constantFrom('declared', 'verified'),
      details: fc.jsonValue(),
    });
    fc.assert(
      fc.property(fc.array(arbitraryRow, { maxLength: 5 }), (items) => {
        const answer = { items, total: items.length };
        expect(JSON.parse(write(answer))).toEqual(JSON.parse(JSON.stringify(answer)));
      }),
    );
  });

  it('writes each branch of a discriminated union by its own schema, dates and all (the jobs by kind)', () => {
    const job = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('run'), at: z.date(), result: z.object({ runId: z.number() }).nullable() }),
      z.object({ kind: z.literal('import'), at: z.date(), result: z.object({ rows: z.number() }).nullable() }),
    ]);
    const writeJobs = serializerCompiler({ schema: z.object({ items: z.array(job) }) });
    const items = [
      { kind: 'run', at, result: { runId: 4, secret: 1 } },
      { kind: 'import', at, result: { rows: 3 }, secret: 2 },
      { kind: 'import', at, result: null },
    ];
    expect(JSON.parse(writeJobs({ items }))).toEqual({
      items: [
        { kind: 'run', at: at.toISOString(), result: { runId: 4 } },
        { kind: 'import', at: at.toISOString(), result: { rows: 3 } },
        { kind: 'import', at: at.toISOString(), result: null },
      ],
    });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dependencyOrder, isCycle } from './dependencies.ts';

/** For each node, the nodes reachable from it through one edge or more. */
function reachable(graph: readonly (readonly number[])[]): Set<number>[] {
  return graph.map((edges) => {
    const seen = new Set<number>();
    const pending = [...edges];
    while (pending.length > 0) {
      const node = pending.pop()!;
      if (seen.has(node)) continue;
      seen.add(node);
      pending.push(...graph[node]!);
    }
    return seen;
  });
}

const graphs = fc
  .integer({ min: 1, max: 25 })
  .chain((count) => fc.array(fc.array(fc.nat({ max: count - 1 }), { maxLength: 3 }), { minLength: count, maxLength: count }));

describe('dependencyOrder', () => {
  it('orders a chain dependencies first', () => {
    const graph = [[1], [2], []];
    expect(dependencyOrder(3, (node) => graph[node]!)).toEqual([[2], [1], [0]]);
  });

  it('groups a cycle into one component, placed before its readers', () => {
    const graph = [[1], [2], [0], [0, 4], []];
    const order = dependencyOrder(5, (node) => graph[node]!);
    expect(order).toEqual([[0, 1, 2], [4], [3]]);
    expect(order.map((component) => isCycle(component, (node) => graph[node]!))).toEqual([true, false, false]);
  });

  it('treats a node reading itself as a cycle of one', () => {
    const graph = [[0], [0]];
    const order = dependencyOrder(2, (node) => graph[node]!);
    expect(order).toEqual([[0], [1]]);
    expect(isCycle([0], (node) => graph[node]!)).toBe(true);
    expect(isCycle([1], (node) => graph[node]!)).toBe(false);
  });

  it('handles no nodes, and a chain too long for recursion', () => {
    expect(dependencyOrder(0, () => [])).toEqual([]);
    const count = 200_000;
    const order = dependencyOrder(count, (node) => (node + 1 < count ? [node + 1] : []));
    expect(order.length).toBe(count);
    expect(order[0]).toEqual([count - 1]);
    expect(order[count - 1]).toEqual([0]);
  });

  it('puts every node after what it reads unless they share a cycle, and finds exactly the cycles', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const order = dependencyOrder(graph.length, (node) => graph[node]!);
        const position = new Map(order.flatMap((component, at) => component.map((node) => [node, at] as const)));
        expect(order.flat().sort((a, b) => a - b)).toEqual(graph.map((_, node) => node));

        const reach = reachable(graph);
        graph.forEach((edges, node) => {
          for (const read of edges) expect(position.get(read)!).toBeLessThanOrEqual(position.get(node)!);
          for (let other = 0; other < graph.length; other++) {
            const mutual = other === node || (reach[node]!.has(other) && reach[other]!.has(node));
            expect(position.get(other) === position.get(node), `${node} and ${other}`).toBe(mutual);
          }
        });
        for (const component of order) {
          expect(isCycle(component, (node) => graph[node]!)).toBe(reach[component[0]!]!.has(component[0]!));
        }
      }),
    );
  });
});

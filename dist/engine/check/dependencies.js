/**
 * Strongly connected components of a dependency graph (Tarjan), dependencies first: every
 * node comes after the nodes it reads, so the list is an evaluation order. A component of
 * several nodes, or of one node reading itself, is a cycle.
 */
export function dependencyOrder(count, reads) {
    const index = new Int32Array(count).fill(-1);
    const low = new Int32Array(count);
    const onStack = new Uint8Array(count);
    const stack = [];
    const components = [];
    let counter = 0;
    // Iterative, so a long chain of formulas cannot overflow the call stack.
    for (let root = 0; root < count; root++) {
        if (index[root] !== -1)
            continue;
        const work = [{ node: root, next: 0 }];
        index[root] = low[root] = counter++;
        stack.push(root);
        onStack[root] = 1;
        while (work.length > 0) {
            const frame = work[work.length - 1];
            const edges = reads(frame.node);
            if (frame.next < edges.length) {
                const target = edges[frame.next++];
                if (index[target] === -1) {
                    index[target] = low[target] = counter++;
                    stack.push(target);
                    onStack[target] = 1;
                    work.push({ node: target, next: 0 });
                }
                else if (onStack[target]) {
                    low[frame.node] = Math.min(low[frame.node], index[target]);
                }
                continue;
            }
            work.pop();
            const parent = work[work.length - 1];
            if (parent)
                low[parent.node] = Math.min(low[parent.node], low[frame.node]);
            if (low[frame.node] === index[frame.node]) {
                const component = [];
                let member;
                do {
                    member = stack.pop();
                    onStack[member] = 0;
                    component.push(member);
                } while (member !== frame.node);
                components.push(component.sort((a, b) => a - b));
            }
        }
    }
    return components;
}
export function isCycle(component, reads) {
    return component.length > 1 || reads(component[0]).includes(component[0]);
}
//# sourceMappingURL=dependencies.js.map
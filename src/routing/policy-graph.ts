// The fallback graph of a policy: target indices and the targets each falls back to. A cycle is a policy
// error; a chain is expanded depth-first for the replay.

/** A cycle in `edges` (the nodes on it, in order), if there is one. */
export function findCycle(edges: readonly number[][]): number[] | undefined {
  const state = new Uint8Array(edges.length); // 0 new, 1 on the stack, 2 done
  const stack: number[] = [];
  const visit = (node: number): number[] | undefined => {
    state[node] = 1;
    stack.push(node);
    for (const next of edges[node] ?? []) {
      if (state[next] === 1) return stack.slice(stack.indexOf(next));
      if (state[next] === 0) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state[node] = 2;
    return undefined;
  };
  for (let node = 0; node < edges.length; node++) {
    if (state[node] === 0) {
      const found = visit(node);
      if (found) return found;
    }
  }
  return undefined;
}

/** Depth-first: a fallback that fails hands over to its own fallbacks before its next sibling. */
export function expandChain(edges: readonly number[][], start: number): number[] {
  const chain: number[] = [];
  const seen = new Set([start]);
  const visit = (node: number) => {
    for (const next of edges[node] ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      chain.push(next);
      visit(next);
    }
  };
  visit(start);
  return chain;
}

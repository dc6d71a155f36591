import type { Capability } from './session.tsx';

/**
 * Where the user's capabilities apply, so that screens offer only what the server would allow
 * (it checks again on every call).
 */

/** The ids along a materialised path: `/bi/p1/d1/` → bi, p1, d1. */
export function pathIds(path: string): string[] {
  return path.split('/').filter((id) => id !== '');
}

/** Whether an action the user may take reaches the unit at `path`: one of its subtrees holds it. */
export function reaches(capability: Capability, path: string): boolean {
  if (capability.national) return true;
  const ids = new Set(pathIds(path));
  return capability.roots.some((root) => ids.has(root));
}

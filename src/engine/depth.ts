import { type ValidationError, validationError } from './validation-error';

/** Far deeper than any real questionnaire or backup; shallow enough that recursive validators never overflow. */
export const MAX_DEPTH = 64;

/** Walks without recursion, so a hostile document cannot exhaust the stack before it is rejected. */
export function checkDepth(data: unknown, maxDepth = MAX_DEPTH): ValidationError | undefined {
  const stack: [unknown, number, string][] = [[data, 0, '']];
  while (stack.length > 0) {
    const [node, depth, pointer] = stack.pop() as [unknown, number, string];
    if (typeof node !== 'object' || node === null) continue;
    if (depth > maxDepth) return validationError(pointer, 'tooDeep', { max: maxDepth });
    for (const [key, child] of Object.entries(node)) {
      stack.push([child, depth + 1, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`]);
    }
  }
  return undefined;
}

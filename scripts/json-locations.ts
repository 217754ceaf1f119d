import { type AnyNode, parse } from '@humanwhocodes/momoa';

export interface Position {
  line: number;
  column: number;
}

export type ParsedJson =
  | { ok: true; data: unknown; locate: (pointer: string) => Position }
  | { ok: false; message: string; position: Position };

function unescapePointerToken(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** Parses JSON keeping positions, so an error at a JSON pointer can be shown as line:column to an author. */
export function parseWithLocations(text: string): ParsedJson {
  let document: ReturnType<typeof parse>;
  try {
    document = parse(text, { mode: 'json' });
  } catch (error) {
    const e = error as Error & Partial<Position>;
    return { ok: false, message: e.message, position: { line: e.line ?? 1, column: e.column ?? 1 } };
  }
  const locate = (pointer: string): Position => {
    let node: AnyNode = document.body;
    for (const token of pointer.split('/').slice(1).map(unescapePointerToken)) {
      let next: AnyNode | undefined;
      if (node.type === 'Object')
        next = node.members.find((m) => m.name.type === 'String' && m.name.value === token)?.value;
      else if (node.type === 'Array') next = node.elements[Number(token)]?.value;
      if (!next) break;
      node = next;
    }
    return { line: node.loc.start.line, column: node.loc.start.column };
  };
  return { ok: true, data: JSON.parse(text), locate };
}

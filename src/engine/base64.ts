/** Base64 for evidence files and signatures, the same in Node, a browser and a Web Worker. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i += 1) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** A multiple of 3, so the encoded chunks join without padding in between. */
const CHUNK = 3 * 8192;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const chunk = bytes.subarray(start, start + CHUNK);
    parts.push(btoa(String.fromCharCode.apply(null, chunk as unknown as number[])));
  }
  return parts.join('');
}

/** How many bytes a base64 text of this length holds; undefined when its length cannot be base64. */
export function decodedLength(text: string): number | undefined {
  if (text.length % 4 !== 0) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

/** Strict: the standard alphabet, padding only at the end, no white space. Undefined when the text is not base64. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  const length = decodedLength(text);
  if (length === undefined) return undefined;
  const bytes = new Uint8Array(length);
  const body = text.length - ((text.length / 4) * 3 - length);
  let out = 0;
  let bits = 0;
  let buffer = 0;
  for (let i = 0; i < body; i += 1) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? (LOOKUP[code] as number) : -1;
    if (value < 0) return undefined;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (buffer >> bits) & 255;
    }
  }
  return bytes;
}

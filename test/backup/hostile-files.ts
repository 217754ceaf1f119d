import { deflateSync } from 'node:zlib';

/**
 * Files built to exhaust a reader, as the security review crafted them (issue "Security you can prove under attack",
 * part 3), small enough to build in a test. pdf-lib finds objects by scanning the body, so the cross-reference
 * offsets need not be right.
 */

const latin1 = (text: string) => Buffer.from(text, 'latin1');

/** A copy of its own: a small Buffer is a view into Node's shared pool, and its `.buffer` is the whole pool. */
function pdfOf(objects: (string | Buffer)[]): Uint8Array {
  return Uint8Array.from(
    Buffer.concat([
      latin1('%PDF-1.7\n'),
      ...objects.flatMap((object) => [typeof object === 'string' ? latin1(object) : object, latin1('\n')]),
      latin1('trailer\n<< /Root 1 0 R /Size 99 >>\nstartxref\n0\n%%EOF\n'),
    ]),
  );
}

function streamObject(id: number, dict: string, data: Buffer): Buffer {
  return Buffer.concat([
    latin1(`${id} 0 obj\n<< ${dict} /Length ${data.length} >>\nstream\n`),
    data,
    latin1('\nendstream\nendobj'),
  ]);
}

const CATALOG = '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj';
const PAGES = '2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj';

/** An object stream of zeros deflated twice: a few KiB that inflate to `megabytes` MB while the PDF loads. */
export function doublyDeflatedObjectStream(megabytes = 64): Uint8Array {
  const twice = deflateSync(deflateSync(Buffer.alloc(megabytes * 1024 * 1024), { level: 9 }), { level: 9 });
  return pdfOf([
    CATALOG,
    PAGES,
    streamObject(3, '/Type /ObjStm /N 1 /First 4 /Filter [/FlateDecode /FlateDecode]', twice),
  ]);
}

/** A cross-reference stream of four bytes whose /Index promises two billion entries. */
export function hugeXRefIndex(): Uint8Array {
  return pdfOf([
    CATALOG,
    PAGES,
    streamObject(3, '/Type /XRef /W [1 2 1] /Index [0 2000000000] /Size 2000000000', Buffer.from([1, 0, 9, 0])),
  ]);
}

/** `kids` distinct name-tree nodes that all list the same /Kids array, so a naive walk does kids × kids steps. */
export function sharedKidsNameTree(kids = 1000): Uint8Array {
  const first = 10;
  const refs = Array.from({ length: kids }, (_, i) => `${first + i} 0 R`).join(' ');
  return pdfOf([
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 3 0 R >> >>\nendobj',
    PAGES,
    '3 0 obj\n<< /Kids 4 0 R >>\nendobj',
    `4 0 obj\n[${refs}]\nendobj`,
    ...Array.from({ length: kids }, (_, i) => `${first + i} 0 obj\n<< /Kids 4 0 R >>\nendobj`),
  ]);
}

/** A JSON document of `count` empty objects: tiny values, a huge number of them. */
export function manyEmptyObjects(count: number): Uint8Array {
  return new TextEncoder().encode(
    `{"format":"conformo.backup","formatVersion":1,"assessments":[${'{},'.repeat(count)}{}]}`,
  );
}

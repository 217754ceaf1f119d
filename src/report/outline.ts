import {
  PDFArray,
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  type PDFPage,
  type PDFRef,
} from '@cantoo/pdf-lib';

export interface Bookmark {
  title: string;
  page: PDFPage;
  /** Top of the bookmark's target on its page, in PDF points. */
  top: number;
}

/** pdf-lib has no outline API: write the /Outlines tree (flat, one level) with its low-level objects. */
export function addOutline(doc: PDFDocument, bookmarks: Bookmark[]): void {
  if (bookmarks.length === 0) return;
  const { context } = doc;
  const rootRef = context.nextRef();
  const refs: PDFRef[] = bookmarks.map(() => context.nextRef());
  bookmarks.forEach((bookmark, i) => {
    const destination = PDFArray.withContext(context);
    destination.push(bookmark.page.ref);
    destination.push(PDFName.of('XYZ'));
    destination.push(PDFNull);
    destination.push(PDFNumber.of(bookmark.top));
    destination.push(PDFNull);
    const item = context.obj({
      Title: PDFHexString.fromText(bookmark.title),
      Parent: rootRef,
      Dest: destination,
    });
    const previous = refs[i - 1];
    const next = refs[i + 1];
    if (previous) item.set(PDFName.of('Prev'), previous);
    if (next) item.set(PDFName.of('Next'), next);
    context.assign(refs[i] as PDFRef, item);
  });
  context.assign(
    rootRef,
    context.obj({
      Type: 'Outlines',
      First: refs[0] as PDFRef,
      Last: refs[refs.length - 1] as PDFRef,
      Count: refs.length,
    }),
  );
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Hands a Blob to the browser as a file download; nothing leaves the device. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A file someone else chose (evidence, possibly from an imported backup) keeps its bytes but not its type: as
 * `text/html` or `image/svg+xml`, a blob URL opened in the app's origin could run script there.
 */
export function downloadUntrusted(blob: Blob, fileName: string): void {
  downloadBlob(blob.slice(0, blob.size, 'application/octet-stream'), fileName);
}

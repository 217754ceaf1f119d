/// <reference lib="webworker" />
import { readImportFile } from './read';

/**
 * Reads one imported file off the page's thread: the page stays responsive however the file is built, and the page
 * ends this worker when reading takes too long (./read-bounded.ts). The file's bytes never leave the device.
 */
self.onmessage = async (event: MessageEvent<{ file: File }>) => {
  self.postMessage(await readImportFile(event.data.file));
};

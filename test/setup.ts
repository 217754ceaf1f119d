import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// fake-indexeddb clones with Node's structuredClone, which turns jsdom's Blob into {}.
globalThis.Blob = NodeBlob as unknown as typeof Blob;
globalThis.File = NodeFile as unknown as typeof File;

// Screens load lazily (import()) and follow IndexedDB through live queries: on a busy two-core CI machine that takes
// longer than Testing Library's default second. What is awaited stays the same; only the patience grows.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => cleanup());

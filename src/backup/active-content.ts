import type { VerifiedEntry } from './evidence';

/** Types a browser or a desktop runs rather than shows: markup with script, script itself, programs. */
const ACTIVE_TYPES = new Set([
  'text/html',
  'application/xhtml+xml',
  'image/svg+xml',
  'text/javascript',
  'application/javascript',
  'application/ecmascript',
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-ms-installer',
  'application/x-msi',
  'application/x-sh',
  'application/x-csh',
  'application/x-bat',
  'application/hta',
  'application/java-archive',
  'application/x-executable',
  'application/vnd.microsoft.portable-executable',
]);

/** The same by name: a type can be left out or be wrong, the extension decides what the desktop does on a click. */
const ACTIVE_EXTENSION =
  /\.(html?|xhtml|xht|svgz?|m?js|cjs|hta|exe|com|scr|pif|msi|bat|cmd|ps1|psm1|vbs|vbe|jse|wsf|wsh|sh|csh|jar|lnk|reg|app|dmg)$/i;

export function isActiveContent(file: { name: string; type: string }): boolean {
  const type = file.type.split(';')[0]?.trim().toLowerCase() ?? '';
  return ACTIVE_TYPES.has(type) || ACTIVE_EXTENSION.test(file.name.trim());
}

/**
 * The names of the imported evidence files that could run code when opened. They are imported as they are (they may
 * be genuine evidence, a saved web page for instance) and always downloaded as bytes; the user is warned.
 */
export function activeContentOf(entries: readonly VerifiedEntry[]): string[] {
  // Sorted: the warning reads the same whatever order the file lists them in.
  return entries
    .flatMap((entry) => entry.evidence.filter(isActiveContent).map((file) => file.name))
    .sort((a, b) => a.localeCompare(b));
}

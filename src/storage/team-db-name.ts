/** Where the Yjs documents of shared assessments live: a database beside the main one, loaded only in team mode. */
export function teamDatabaseName(mainName: string): string {
  return `${mainName}-team`;
}

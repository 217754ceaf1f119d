/** Supplied by the build (vite.config.ts, `extraQuestionnaires`): questionnaires added to the shipped ones. */
declare module 'virtual:extra-questionnaires' {
  const questionnaires: Record<string, () => Promise<unknown>>;
  export default questionnaires;
}

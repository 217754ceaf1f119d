import type { TeamPerson } from '../engine/team-document';
import type { ReportInput } from './types';

export interface Contributor {
  person: TeamPerson;
  /** How many answers this person changed last. */
  answers: number;
}

/**
 * Who gave the answers of a shared assessment, by the last change of each answer: most answers first, then by name.
 * Empty for an assessment made on one device, whose answers carry no author.
 */
export function listContributors(input: ReportInput): Contributor[] {
  const byId = new Map<string, Contributor>();
  for (const answer of input.answers.values()) {
    const person = answer.updatedBy;
    if (!person) continue;
    const entry = byId.get(person.id);
    if (entry) entry.answers += 1;
    else byId.set(person.id, { person, answers: 1 });
  }
  return [...byId.values()].sort(
    (a, b) =>
      b.answers - a.answers ||
      (a.person.name < b.person.name ? -1 : a.person.name > b.person.name ? 1 : 0) ||
      (a.person.id < b.person.id ? -1 : 1),
  );
}

/**
 * Propagation: a change one client makes to the answers document (writeAnswers, one answer) until every other
 * client on the same assessment has it, seen by each as a Y.Doc 'update' event carrying that change. Every client
 * runs in this process, so one performance.now() clock times them all. The writer changes from sample to sample, as
 * in a team where everyone answers.
 */
import type * as Y from 'yjs';
import { type TeamAnswer, writeAnswers } from '../src/engine/team-document';
import { type Distribution, distribution } from './stats';
import { teamAnswers } from './team-answers';
import { connectAnswers, until } from './team-clients';
import type { ShareSetup } from './team-server';

export interface PropagationResult {
  clients: number;
  /** Answers in the document while the samples change them. */
  answers: number;
  samples: number;
  /** Samples some client had not received after SAMPLE_TIMEOUT_MS (not in the distributions). */
  timeouts: number;
  /** Until the last of the other clients has the change: the figure the aim is about. */
  everyone: Distribution;
  /** Until the first of them has it. */
  first: Distribution;
}

const SAMPLE_TIMEOUT_MS = 10_000;
const PAUSE_MS = 20;
const WARM_UP = 10;
const BASE_TIME = Date.UTC(2026, 11, 1, 9);

interface Pending {
  questionId: string;
  stamp: string;
  started: number;
  waiting: Set<number>;
  first?: number;
  finish: (at: number) => void;
}

const fieldsOf = (doc: Y.Doc, questionId: string) => doc.getMap<Y.Map<unknown>>('answers').get(questionId);

export async function measurePropagation(
  serverUrl: string,
  setup: ShareSetup,
  samples: number,
  log: (line: string) => void,
): Promise<PropagationResult> {
  const clients = setup.tokens.map((token) => connectAnswers(serverUrl, setup.shareId, token));
  try {
    await Promise.all(clients.map((client) => client.ready));
    const seed = teamAnswers({ id: 'person-0', name: 'Person 1' });
    const current = new Map<string, TeamAnswer>(seed.map((answer) => [answer.questionId, answer]));
    const [seeder] = clients;
    if (!seeder) throw new Error('No clients');
    writeAnswers(seeder.doc, seed);
    await seeder.synced();
    await until(
      () => clients.every((client) => client.doc.getMap('answers').size === seed.length),
      'the seeded answers to reach every client',
    );
    log(`${clients.length} clients connected, ${seed.length} answers on each`);

    let pending: Pending | undefined;
    clients.forEach((client, index) => {
      client.doc.on('update', () => {
        if (!pending?.waiting.has(index)) return;
        if (fieldsOf(client.doc, pending.questionId)?.get('updated') !== pending.stamp) return;
        const now = performance.now();
        pending.first ??= now;
        pending.waiting.delete(index);
        if (pending.waiting.size === 0) pending.finish(now);
      });
    });

    const everyone: number[] = [];
    const first: number[] = [];
    let timeouts = 0;
    for (let i = 0; i < WARM_UP + samples; i += 1) {
      const writerIndex = i % clients.length;
      const writer = clients[writerIndex];
      const previous = seed[(i * 7) % seed.length];
      if (!writer || !previous) throw new Error('No writer');
      const was = current.get(previous.questionId) ?? previous;
      const answer: TeamAnswer = {
        ...was,
        value: was.value === 'conform' ? 'partial' : 'conform',
        updated: new Date(BASE_TIME + i * 1000).toISOString(),
        updatedBy: { id: `person-${writerIndex}`, name: `Person ${writerIndex + 1}` },
      };
      current.set(answer.questionId, answer);
      let finish: (at: number | undefined) => void = () => {};
      const done = new Promise<number | undefined>((resolve) => {
        finish = resolve;
      });
      const timer = setTimeout(() => finish(undefined), SAMPLE_TIMEOUT_MS);
      const sample: Pending = {
        questionId: answer.questionId,
        stamp: answer.updated,
        started: performance.now(),
        waiting: new Set(clients.map((_, index) => index).filter((index) => index !== writerIndex)),
        finish,
      };
      pending = sample;
      writeAnswers(writer.doc, [answer]);
      const finished = await done;
      clearTimeout(timer);
      pending = undefined;
      if (i >= WARM_UP) {
        if (finished === undefined) timeouts += 1;
        else {
          everyone.push(finished - sample.started);
          first.push((sample.first ?? finished) - sample.started);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
    await Promise.all(clients.map((client) => client.synced()));
    return {
      clients: clients.length,
      answers: seed.length,
      samples: everyone.length,
      timeouts,
      everyone: distribution(everyone),
      first: distribution(first),
    };
  } finally {
    for (const client of clients) client.close();
  }
}

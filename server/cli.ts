import { parseArgs } from 'node:util';
import { isShareId, TEAM_ROLES } from '../src/engine/team-document';
import { openStore } from './open-store';
import type { ServerOptions } from './options';
import { loadSecret } from './secret';
import { invite, joinLink, randomId } from './tokens';

function linkBase(options: ServerOptions): string {
  return options.publicUrl ?? `http://${options.host}:${options.port || 8787}`;
}

function days(text: string | undefined, fallback: number): number {
  const value = text === undefined ? fallback : Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 3660) throw new Error(`--days must be a whole number of days`);
  return value;
}

/** `share --name "Ana" [--days N]`: a new share, and its owner's link. */
export async function shareCommand(args: string[], options: ServerOptions): Promise<string> {
  const { values } = parseArgs({ args, options: { name: { type: 'string' }, days: { type: 'string' } } });
  if (!values.name?.trim()) throw new Error('Usage: npm run server -- share --name "Owner name" [--days 365]');
  const store = await openStore(options);
  try {
    const shareId = randomId();
    await store.createShare({ shareId, created: new Date().toISOString(), revision: 1 });
    const secret = loadSecret(options.dataDir, options.secret);
    const made = await invite(store, secret, {
      shareId,
      name: values.name.trim(),
      role: 'owner',
      days: days(values.days, 365),
    });
    return [
      `Share ${shareId} created; owner: ${made.invitation.name}, until ${made.invitation.expires}.`,
      `Owner link (open it in Conformo to connect an assessment):`,
      joinLink(linkBase(options), made.token),
    ].join('\n');
  } finally {
    await store.close();
  }
}

/** `invite --assessment <shareId> --role reviewer --name "…" [--days 14]`: an invitation link. */
export async function inviteCommand(args: string[], options: ServerOptions): Promise<string> {
  const { values } = parseArgs({
    args,
    options: {
      assessment: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      days: { type: 'string' },
    },
  });
  const role = TEAM_ROLES.find((r) => r === values.role);
  if (!values.assessment || !isShareId(values.assessment) || !role || !values.name?.trim()) {
    throw new Error(
      `Usage: npm run server -- invite --assessment <shareId> --role ${TEAM_ROLES.join('|')} --name "Name" [--days 14]`,
    );
  }
  const store = await openStore(options);
  try {
    if (!(await store.getShare(values.assessment))) throw new Error(`No share ${values.assessment} on this server.`);
    const secret = loadSecret(options.dataDir, options.secret);
    const made = await invite(store, secret, {
      shareId: values.assessment,
      name: values.name.trim(),
      role,
      days: days(values.days, 14),
    });
    return [
      `Invitation for ${made.invitation.name} (${role}), until ${made.invitation.expires}:`,
      joinLink(linkBase(options), made.token),
    ].join('\n');
  } finally {
    await store.close();
  }
}

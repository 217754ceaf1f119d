import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { evidenceInput, expectNoSeriousAxeViolations, waitUntilSaved } from './browser';
import { killBrowser, launchProfile, removeProfiles } from './profile';
import { card, joinWith, LITERACY, person, REGISTER, roomForThisFile, sharedByOwner } from './team-room';

/** What a team does over an assessment's life, in Chromium against the real server: sign-off, evidence, faults. */
const room = roomForThisFile();
afterAll(removeProfiles);

describe('a team assessment over its life, in Chromium', () => {
  it('is signed off by the validator, and then nobody can change the answers', async () => {
    const { shareId, owner } = await sharedByOwner(room());
    const editor = await person(room());
    await joinWith(room(), editor, (await room().server.token(shareId, 'editor')).token);
    const validator = await person(room());
    await joinWith(room(), validator, (await room().server.token(shareId, 'validator')).token);

    await validator.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Summary' }).click();
    await validator.getByLabel('Role', { exact: true }).fill('Head of compliance');
    await validator.getByRole('button', { name: 'Sign off for the team and make read-only' }).click();
    await validator.getByText('Signed off by A validator (Head of compliance)', { exact: false }).waitFor();
    await expectNoSeriousAxeViolations(validator, 'a team sign-off');

    for (const page of [editor, owner]) {
      await page.getByText('This assessment is signed off and read-only.').waitFor({ timeout: 20_000 });
      expect(await card(page, LITERACY).getByRole('radio', { name: 'Conform', exact: true }).isDisabled()).toBe(true);
    }
    // The server sealed the revision over the very content the validator's screen shows.
    const sealed = await room().server.store.getRevision(shareId, 1);
    expect(sealed?.signOff?.signer.name).toBe('A validator');
    expect(sealed?.signOff?.contentHash).toBe(await validator.locator('.signoff code.hash').textContent());
  });

  it('hands an evidence file from one person to another, verified by its SHA-256', async () => {
    const { shareId, owner } = await sharedByOwner(room());
    const editor = await person(room());
    await joinWith(room(), editor, (await room().server.token(shareId, 'editor')).token);
    const content = Buffer.from('Training attendance 2026 — 42 staff, « maîtrise de l’IA »\n');
    await (await evidenceInput(card(editor, LITERACY))).setInputFiles({
      name: 'attendance.csv',
      mimeType: 'text/csv',
      buffer: content,
    });
    await card(editor, LITERACY).getByRole('button', { name: 'attendance.csv', exact: true }).waitFor();

    // The owner's evidence panel opens by itself once the file arrives (a click now could close it again).
    const atOwner = card(owner, LITERACY);
    const file = atOwner.getByRole('button', { name: 'attendance.csv', exact: true });
    await file.waitFor({ timeout: 20_000 });
    expect(await atOwner.locator('code.hash').textContent()).toBe(createHash('sha256').update(content).digest('hex'));
    const [download] = await Promise.all([owner.waitForEvent('download'), file.click()]);
    expect(readFileSync((await download.path()) as string).equals(content)).toBe(true);
  });

  it('keeps what was answered offline through a browser crash, and sends it once the browser is back online', async () => {
    const { shareId, owner } = await sharedByOwner(room());
    const token = (await room().server.token(shareId, 'editor')).token;
    const editor = await launchProfile(`${room().url()}/#/join/${token}`);
    await editor.page.getByText('Synced with your team').waitFor();

    await editor.context.setOffline(true);
    await card(editor.page, REGISTER).getByRole('radio').first().check();
    await waitUntilSaved(editor.page);
    await killBrowser(editor);
    expect(await card(owner, REGISTER).getByRole('radio').first().isChecked()).toBe(false);

    const again = await launchProfile(room().url(), editor.dir);
    await again.page
      .getByRole('link', { name: /Shared triage/ })
      .first()
      .click();
    await again.page.getByText('Synced with your team').waitFor({ timeout: 20_000 });
    expect(await card(again.page, REGISTER).getByRole('radio').first().isChecked()).toBe(true);
    await expect.poll(() => card(owner, REGISTER).getByRole('radio').first().isChecked()).toBe(true);
    await again.context.close();
  });

  it('lets the owner revoke an invitation in the app, which shuts that person out at once', async () => {
    const { shareId, owner } = await sharedByOwner(room());
    const editor = await person(room());
    await joinWith(room(), editor, (await room().server.token(shareId, 'editor')).token);
    await editor.getByText('Synced with your team').waitFor();

    await owner.getByText('Invite people and manage invitations').click();
    await owner.getByRole('button', { name: 'Revoke the invitation of A editor' }).waitFor();
    await expectNoSeriousAxeViolations(owner, "the owner's team bar with the invitations");
    await owner.getByRole('button', { name: 'Revoke the invitation of A editor' }).click();
    await owner.getByRole('button', { name: 'Revoke now' }).click();
    await owner.getByText('The invitation of A editor is revoked', { exact: false }).waitFor();

    await editor.getByText('This invitation was revoked.', { exact: false }).first().waitFor({ timeout: 20_000 });
    await card(editor, REGISTER)
      .getByRole('radio')
      .first()
      .check({ force: true })
      .catch(() => undefined);
    await owner.waitForTimeout(1000);
    expect(await card(owner, REGISTER).getByRole('radio').first().isChecked()).toBe(false);
  });
});

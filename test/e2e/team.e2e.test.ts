import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations } from './browser';
import { card, joinWith, LITERACY, person, REGISTER, roomForThisFile, sharedByOwner } from './team-room';

const room = roomForThisFile();

describe('team mode in Chromium', () => {
  it('merges two people’s answers live, shows who is there, and keeps a reviewer read-only', async () => {
    const { shareId, owner } = await sharedByOwner(room());
    const editor = await person(room());
    await joinWith(room(), editor, (await room().server.token(shareId, 'editor')).token);
    await expect
      .poll(() => card(editor, LITERACY).getByRole('radio', { name: 'Partially conform' }).isChecked())
      .toBe(true);

    await card(editor, REGISTER).getByRole('radio').first().check();
    await expect.poll(() => card(owner, REGISTER).getByRole('radio').first().isChecked()).toBe(true);
    // The editor never left the section they joined in: the team learns it although the screen said it first.
    await owner
      .getByText(/A editor \(editor\), in section .*AI literacy/)
      .first()
      .waitFor();

    const reviewer = await person(room());
    await joinWith(room(), reviewer, (await room().server.token(shareId, 'reviewer')).token);
    await expect.poll(() => card(reviewer, REGISTER).getByRole('radio').first().isChecked()).toBe(true);
    expect(await card(reviewer, LITERACY).getByRole('radio', { name: 'Conform', exact: true }).isDisabled()).toBe(true);
    await expectNoSeriousAxeViolations(reviewer, "a reviewer's read-only team assessment");
    await expectNoSeriousAxeViolations(owner, 'a team assessment with presence');
  });

  it('converges after one person worked offline, with what both did', async () => {
    const { shareId, owner } = await sharedByOwner(room());
    const editor = await person(room());
    await joinWith(room(), editor, (await room().server.token(shareId, 'editor')).token);
    await editor.getByText('Synced with your team').waitFor();

    await editor.context().setOffline(true);
    await card(editor, REGISTER).getByRole('radio').first().check();
    await editor
      .getByText(/offline/i)
      .first()
      .waitFor();
    await card(owner, LITERACY).getByRole('radio', { name: 'Conform', exact: true }).check();
    await editor.context().setOffline(false);

    await expect
      .poll(() => card(owner, REGISTER).getByRole('radio').first().isChecked(), { timeout: 20_000 })
      .toBe(true);
    await expect
      .poll(() => card(editor, LITERACY).getByRole('radio', { name: 'Conform', exact: true }).isChecked(), {
        timeout: 20_000,
      })
      .toBe(true);
  });
});

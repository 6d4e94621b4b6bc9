// Reminders: an acknowledged alarm whose condition persists is announced again every alarms.reminderSeconds (2 s on
// this scenario's node, DashboardBrowserTest). Each reminder is seen (a notice naming the alarm) and heard (one burst
// of its priority's pattern), unless a pattern as urgent is sounding already; a less urgent one goes on cycling.

import assert from 'node:assert/strict';
import { receivedOnBridge, until } from '../browser.mjs';
import { hello } from '../device.mjs';
import { expectVisible, nodeUrl, scenario } from '../harness.mjs';
import * as sel from '../selectors.mjs';

/** The REMINDER transitions of `patient` that have reached `page` over the bridge. */
function reminders(page, patient) {
  return receivedOnBridge(page).map((m) => m.body).filter((b) => b && b.type === 'REMINDER' && b.patient === patient);
}

async function played(page) {
  return Number(await page.locator(sel.soundToggle).getAttribute('data-reminders'));
}

scenario('an acknowledged alarm that persists is shown and sounded again at each reminder', async (t) => {
  const page = await t.openWard(nodeUrl);
  await page.click(sel.soundToggle);
  await page.locator(sel.soundWarning).waitFor({ state: 'hidden' });
  const bed1 = await t.device();
  await bed1.send(hello({ device: 'D1', patient: 'P1', bed: 1, ward: 'icu' }, 'Pulse=190|Seq=1'));
  await expectVisible(page, `${sel.soundToggle}[data-playing="HIGH"]`);
  await page.fill(sel.userName, 'nurse.kim');
  await page.click(sel.acknowledge('P1', 'HIGH'));
  await expectVisible(page, sel.alarmLine('P1', 'HIGH', 'ACTIVE_ACKNOWLEDGED'));
  // what sounds now is P1's NEWS2 alarm (a pulse of 190 scores 3: low-medium, a MEDIUM alarm), left unacknowledged
  await expectVisible(page, `${sel.soundToggle}[data-playing="MEDIUM"]`);

  // seen: a notice names the bed, the patient, the alarm's message and priority, still active and acknowledged
  await until(() => reminders(page, 'P1').length > 0, () => 'no REMINDER of P1 reached the page');
  const { message } = reminders(page, 'P1')[0].alarm;
  await page.locator(sel.notices).filter({ hasText: `Reminder: icu \u00b7 Bed 1 \u00b7 P1 \u2014 ${message} (HIGH)`
    + ' \u2014 still active, acknowledged by nurse.kim' }).waitFor();
  // heard: one burst of its pattern, over the less urgent MEDIUM, which goes on cycling (data-playing names the cycle)
  await until(async () => (await played(page)) >= 1, () => 'no reminder was played');
  assert.equal(await page.locator(sel.soundToggle).getAttribute('data-playing'), 'MEDIUM');

  // a pattern as urgent sounding (bed 2's HIGH) already calls for attention: the reminders are shown, not played
  const bed2 = await t.device();
  await bed2.send(hello({ device: 'D2', patient: 'P2', bed: 2, ward: 'icu' }, 'Pulse=190|Seq=1'));
  await expectVisible(page, `${sel.soundToggle}[data-playing="HIGH"]`);
  const before = await played(page);
  const shown = reminders(page, 'P1').length;
  await until(() => reminders(page, 'P1').length >= shown + 2, () => 'the reminders of P1 stopped coming');
  assert.equal(await played(page), before, 'a reminder was played over a HIGH alarm sounding');
  assert.equal(await page.locator(sel.soundToggle).getAttribute('data-playing'), 'HIGH');
});

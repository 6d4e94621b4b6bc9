// A patient moved to another ward takes their alarms along: the screens of the ward they left drop their tile and
// alarm and say where they went; the new ward's screens show the patient with the alarm, live, and may act on it.

import assert from 'node:assert/strict';
import { hello } from '../device.mjs';
import { expectText, expectVisible, nodeUrl, scenario, viaBridgeOnly } from '../harness.mjs';
import * as sel from '../selectors.mjs';

scenario('a patient moved to another ward leaves the old ward\'s screens and brings their alarm', async (t) => {
  const monitor = await t.device();
  await monitor.send(hello({ device: 'D7', patient: 'P7', bed: 3, ward: 'surgery' }, 'Pulse=190|Seq=1'));
  const surgery = await t.open(nodeUrl, '/?ward=surgery');
  await surgery.locator(sel.subscribed('surgery')).waitFor();
  await expectVisible(surgery, sel.alarmLine('P7', 'HIGH', 'ACTIVE_UNACKNOWLEDGED'));
  const icu = await t.openWard(nodeUrl);

  await monitor.send(hello({ device: 'D7', patient: 'P7', bed: 5, ward: 'icu' }, 'Pulse=190|Seq=2'));

  await surgery.locator(sel.tile('P7')).waitFor({ state: 'detached' });
  await expectVisible(surgery, `${sel.notices} >> text=Moved: Bed 3 \u00b7 P7 to ward icu, bed 5`);
  assert.equal(await surgery.locator('#alarm-list [data-patient="P7"]').count(), 0, 'its alarm left the list');
  await expectVisible(icu, sel.alarmLine('P7', 'HIGH', 'ACTIVE_UNACKNOWLEDGED'));
  await icu.fill(sel.userName, 'nurse.ada');
  await icu.click(sel.acknowledge('P7', 'HIGH'));
  await expectVisible(icu, sel.alarmLine('P7', 'HIGH', 'ACTIVE_ACKNOWLEDGED'));
  await surgery.reload();
  await surgery.locator(sel.subscribed('surgery')).waitFor();
  assert.equal(await surgery.locator(sel.tile('P7')).count(), 0, 'not in the old ward\'s patient list either');

  // back to surgery, on to icu and back again in one write: one batch, whose frames share one time
  await viaBridgeOnly(surgery, async () => { // not shown by the patient list the page reloads every 10 s
    await monitor.send(hello({ device: 'D7', patient: 'P7', bed: 3, ward: 'surgery' }, 'Pulse=190|Seq=3')
      + hello({ device: 'D7', patient: 'P7', bed: 5, ward: 'icu' }, 'Pulse=190|Seq=4')
      + hello({ device: 'D7', patient: 'P7', bed: 3, ward: 'surgery' }, 'Pulse=191|Seq=5'));
    await expectText(surgery, sel.vital('P7', 'PULSE'), '191'); // not hidden by the notice of the same time
    await expectVisible(surgery, sel.alarmLine('P7', 'HIGH', 'ACTIVE_ACKNOWLEDGED'));
  });
  await icu.locator(sel.tile('P7')).waitFor({ state: 'detached' });
});

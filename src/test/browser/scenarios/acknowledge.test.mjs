// c. One clinician acknowledges an alarm on their screen; another clinician's screen shows it acknowledged (pushed over
// the bridge), and the audit trail names who did. The next person at the same station does not act in that name.

import assert from 'node:assert/strict';
import { until } from '../browser.mjs';
import { hello } from '../device.mjs';
import { expectVisible, nodeUrl, scenario, viaBridgeOnly } from '../harness.mjs';
import * as sel from '../selectors.mjs';

scenario('an alarm acknowledged on one screen shows acknowledged on another, and is audited', async (t) => {
  const nurse = await t.openWard(nodeUrl);
  const colleague = await t.openWard(nodeUrl);
  const device = await t.device();
  await device.send(hello({ device: 'D1', patient: 'P1', bed: 1, ward: 'icu' }, 'Pulse=190|Seq=1'));
  await expectVisible(nurse, sel.alarmLine('P1', 'HIGH', 'ACTIVE_UNACKNOWLEDGED'));
  await expectVisible(colleague, sel.alarmLine('P1', 'HIGH', 'ACTIVE_UNACKNOWLEDGED'));

  await viaBridgeOnly(colleague, async () => {
    await nurse.fill(sel.userName, 'nurse.kim');
    await nurse.click(sel.acknowledge('P1', 'HIGH'));
    await expectVisible(colleague, sel.alarmLine('P1', 'HIGH', 'ACTIVE_ACKNOWLEDGED'));
  });
  let audit = [];
  await until(async () => {
    audit = await (await fetch(`${nodeUrl}/api/alarms?patient=P1`)).json();
    return audit.some((e) => e.type === 'ACKNOWLEDGED' && e.actor === 'nurse.kim');
  }, () => `no ACKNOWLEDGED entry by nurse.kim in the audit trail: ${JSON.stringify(audit)}`);

  await device.send('Pulse=190|BP=210/90|Seq=2\n'); // and a MEDIUM alarm, unacknowledged, under the HIGH one
  await expectVisible(nurse, sel.alarmLine('P1', 'MEDIUM', 'ACTIVE_UNACKNOWLEDGED'));
  await expectVisible(nurse, `${sel.tile('P1', 'HIGH')} .alarm-badge`);
  assert.equal(await nurse.locator(`${sel.tile('P1', 'HIGH')} .alarm-badge`).textContent(),
    'HIGH ack\u2019d \u00b7 MEDIUM ALARM', 'the flashing is the MEDIUM alarm\'s, not the acknowledged HIGH one\'s');

  const nextAtStation = await nurse.context().newPage(); // a new tab of the same browser profile
  await nextAtStation.goto(nurse.url());
  await nextAtStation.waitForSelector(sel.userName);
  assert.equal(await nextAtStation.inputValue(sel.userName), '', 'the last nurse\'s name is not carried over');
});

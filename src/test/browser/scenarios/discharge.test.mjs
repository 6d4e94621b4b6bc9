// A patient whose monitor is gone is discharged from one screen, once its HIGH alarm is acknowledged: its alarms are
// cleared in the nurse's name, its tile leaves every screen (pushed over the bridge), the audit names who did it, and
// the monitor sending again admits the patient afresh. While the monitor sends, no screen offers the discharge.

import assert from 'node:assert/strict';
import { until } from '../browser.mjs';
import { hello } from '../device.mjs';
import { expectVisible, nodeUrl, scenario, screenshotDir, viaBridgeOnly } from '../harness.mjs';
import * as sel from '../selectors.mjs';

scenario('a patient whose monitor left is discharged on one screen and leaves every screen', async (t) => {
  const nurse = await t.openWard(nodeUrl);
  const colleague = await t.openWard(nodeUrl);
  const monitor = await t.device();
  await monitor.send(hello({ device: 'D5', patient: 'P5', bed: 5, ward: 'icu' }, 'Pulse=190|Seq=1'));
  await expectVisible(colleague, sel.alarmLine('P5', 'HIGH', 'ACTIVE_UNACKNOWLEDGED'));
  await expectVisible(nurse, sel.alarmLine('P5', 'HIGH', 'ACTIVE_UNACKNOWLEDGED'));
  assert.equal(await nurse.locator(sel.dischargeControl('P5')).isVisible(), false, 'offered while the monitor sends');

  monitor.close();
  await nurse.fill(sel.userName, 'nurse.kim');
  await nurse.locator(sel.dischargeControl('P5')).click(); // shown once the disconnection's alarm arrives
  await expectVisible(nurse, `${sel.tile('P5')} >> text=Acknowledge its HIGH alarm first: Pulse 190 /min above 150.`);
  await nurse.locator(sel.dischargeConfirm('P5')).click();
  await expectVisible(nurse, `${sel.tile('P5')} >> text=Discharge failed: Acknowledge patient P5's HIGH alarms first`);
  await nurse.click(sel.acknowledge('P5', 'HIGH'));
  await expectVisible(nurse, sel.alarmLine('P5', 'HIGH', 'ACTIVE_ACKNOWLEDGED'));
  await expectVisible(nurse, `${sel.tile('P5')} >> text=not acknowledged) will be cleared in your name`); // said anew
  await nurse.locator(sel.tile('P5')).screenshot({ path: `${screenshotDir()}/discharge.png` });
  await viaBridgeOnly(colleague, async () => {
    await nurse.locator(sel.dischargeConfirm('P5')).click();
    await colleague.locator(sel.tile('P5')).waitFor({ state: 'detached' });
  });
  await nurse.locator(sel.tile('P5')).waitFor({ state: 'detached' });
  await expectVisible(colleague, `${sel.notices} >> text=Discharged: Bed 5 \u00b7 P5 by nurse.kim`);
  assert.equal(await colleague.locator('#alarm-list [data-patient="P5"]').count(), 0, 'its alarms left the list');
  let audit = [];
  await until(async () => {
    audit = await (await fetch(`${nodeUrl}/api/alarms?patient=P5`)).json();
    return audit.some((e) => e.type === 'DISCHARGED' && e.actor === 'nurse.kim')
      && audit.filter((e) => e.type === 'CLEARED' && e.actor === 'nurse.kim').length >= 2;
  }, () => `no DISCHARGED entry and cleared alarms by nurse.kim in the audit trail: ${JSON.stringify(audit)}`);
  await colleague.reload();
  await colleague.locator(sel.synced).waitFor();
  assert.equal(await colleague.locator(sel.tile('P5')).count(), 0, 'gone from the patient list too');

  const again = await t.device();
  await again.send(hello({ device: 'D5', patient: 'P5', bed: 5, ward: 'icu' }, 'Pulse=80|Seq=2'));
  await expectVisible(nurse, sel.tile('P5'));
  assert.equal(await nurse.locator(sel.alarmLine('P5', 'HIGH')).count(), 0, 'admitted afresh, without old alarms');
});

// A patient on a monitor and an oximeter: the oximeter is taken away for good. Its disconnection offers, on the tile,
// to stop measuring what it measured (its value grey); stopped from one screen, the SpO2 and the technical alarm go
// from every screen, the audit names who did it, and the oximeter sending again starts the measurement again. While
// nothing is wrong with the patient's data, no screen offers it.

import assert from 'node:assert/strict';
import { until } from '../browser.mjs';
import { hello } from '../device.mjs';
import { expectText, expectVisible, nodeUrl, scenario, screenshotDir, viaBridgeOnly } from '../harness.mjs';
import * as sel from '../selectors.mjs';

const MEASURED_LONG_AGO = () => new Date(Date.now() - 10 * 60 * 1000).toISOString();
const BED_6 = { patient: 'P6', bed: 6, ward: 'icu' };

scenario('an oximeter taken away has its measurement stopped on one screen, and every screen follows', async (t) => {
  const nurse = await t.openWard(nodeUrl);
  const colleague = await t.openWard(nodeUrl);
  const monitor = await t.device();
  const oximeter = await t.device();
  await monitor.send(hello({ device: 'M6', ...BED_6 }, 'Pulse=80|Seq=1'));
  await oximeter.send(hello({ device: 'O6', ...BED_6 }, `SpO2=97|Ts=${MEASURED_LONG_AGO()}|Seq=1`));
  await monitor.send('Pulse=81|Seq=2\n'); // the monitor carries on: it sent the patient's latest frame
  await expectText(nurse, sel.vital('P6', 'PULSE'), '81');
  await expectVisible(nurse, sel.staleVital('P6', 'SPO2'));
  assert.equal(await nurse.locator(sel.stopMeasureControl('P6')).isVisible(), false, 'offered with nothing wrong');

  oximeter.close();
  await expectVisible(nurse, sel.technicalTile('P6'));
  await nurse.fill(sel.userName, 'nurse.kim');
  await nurse.locator(sel.stopMeasureControl('P6')).click();
  assert.equal(await nurse.locator(sel.stopMeasureChoice('P6', 'PULSE')).count(), 0, 'a live value is not offered');
  await nurse.locator(sel.stopMeasureChoice('P6', 'SPO2')).check();
  await nurse.locator(sel.tile('P6')).screenshot({ path: `${screenshotDir()}/stop-measurement.png` });
  await viaBridgeOnly(colleague, async () => {
    await nurse.locator(sel.stopMeasureConfirm('P6')).click();
    await expectText(colleague, sel.vital('P6', 'SPO2'), '--');
    await expectVisible(colleague, sel.technicalTile('P6', false));
  });
  await expectText(nurse, sel.vital('P6', 'SPO2'), '--');
  await expectVisible(nurse, `${sel.tile('P6')} >> text=Measurement stopped`);
  await nurse.locator(sel.stopMeasureControl('P6')).waitFor({ state: 'hidden' });
  let audit = [];
  await until(async () => {
    audit = await (await fetch(`${nodeUrl}/api/alarms?patient=P6`)).json();
    return audit.some((e) => e.type === 'MEASUREMENT_STOPPED' && e.actor === 'nurse.kim'
      && e.detail === 'stopped measuring SpO2');
  }, () => `no MEASUREMENT_STOPPED entry by nurse.kim in the audit trail: ${JSON.stringify(audit)}`);

  const again = await t.device();
  await again.send(hello({ device: 'O6', ...BED_6 }, 'SpO2=96|Seq=2'));
  await expectText(nurse, sel.vital('P6', 'SPO2'), '96');
});

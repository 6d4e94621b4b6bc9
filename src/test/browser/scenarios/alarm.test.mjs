// b. An abnormal frame over TCP raises a visible HIGH alarm on the patient's tile, its value whole at every width.

import assert from 'node:assert/strict';
import { hello } from '../device.mjs';
import { expectText, expectVisible, nodeUrl, scenario } from '../harness.mjs';
import * as sel from '../selectors.mjs';

scenario('an abnormal frame raises a visible HIGH alarm', async (t) => {
  const page = await t.openWard(nodeUrl);
  const device = await t.device();
  await device.send(hello({ device: 'D1', patient: 'P1', bed: 1, ward: 'icu' }, 'Pulse=80|Seq=1'));
  await expectText(page, sel.vital('P1', 'PULSE'), '80');

  await device.send('Pulse=190|Seq=2\n');
  await expectVisible(page, sel.tile('P1', 'HIGH'));
  await expectVisible(page, sel.alarmLine('P1', 'HIGH'));
  await expectText(page, sel.vital('P1', 'PULSE'), '190');
  // the ward's header counts patients in HIGH alarm; the ward picker counts alarms, at once, not at its next poll
  await expectText(page, '.ward-count', '1 patient \u00b7 1 in HIGH alarm');
  assert.equal(await page.locator(`${sel.wardPicker} option[value="icu"]`).textContent(),
    'icu (1 patient, 1 HIGH, 1 MEDIUM)', 'the pulse and NEWS2 alarms');
  // its priority marked as IEC 60601-1-8 does: "HI" or "LO" beside a value would read as above or below its limit
  assert.match(await page.locator(sel.vitalCell('P1', 'PULSE', 'HIGH')).innerText(), /!!!/);

  // an alarm's value framed and flagged in its cell: "190" cut to "19" would read as a low pulse; a pressure's mean
  // in brackets beside three-digit pressures: "(104" cut to "(10" would read as a mean of 10
  await device.send('Pulse=190|SpO2=100|RR=28|Temperature=38.9|BP=188/112/137|ABP=210/150/170|Seq=3\n');
  await expectText(page, sel.vital('P1', 'BP_SYSTOLIC'), '188');
  await expectText(page, sel.vital('P1', 'ART_MEAN'), '(170)');
  for (const width of [1024, 1280, 1600, 1920, 2560]) {
    await page.setViewportSize({ width, height: 1000 });
    const cutOff = await page.$$eval('.vital', (cells) => cells
      .flatMap((cell) => [...cell.querySelectorAll('.vnum, .vlabel')]
        .filter((row) => row.scrollWidth > row.clientWidth)
        .map((row) => `${cell.dataset.cell} ${row.className} ${row.scrollWidth} > ${row.clientWidth}`)));
    assert.deepEqual(cutOff, [], `values cut off at ${width} px`);
  }
});

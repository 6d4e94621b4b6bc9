// a. Live tiles: a device's frames show on its patient's tile, and a new frame updates it, over the bridge.

import { hello } from '../device.mjs';
import { expectText, expectVisible, nodeUrl, scenario, viaBridgeOnly } from '../harness.mjs';
import * as sel from '../selectors.mjs';

scenario('live tiles show a device\'s vitals and update on every frame', async (t) => {
  const page = await t.openWard(nodeUrl);
  const device = await t.device();

  await viaBridgeOnly(page, async () => {
    await device.send(hello({ device: 'D1', patient: 'P1', bed: 1, ward: 'icu' },
      'Pulse=80|SpO2=97|RR=16|BP=120/80|Temp=37.0|Seq=1'));
    await expectText(page, sel.vital('P1', 'PULSE'), '80');
    await expectText(page, sel.vital('P1', 'SPO2'), '97');

    await device.send('Pulse=84|Seq=2\n');
    await expectText(page, sel.vital('P1', 'PULSE'), '84');
  });

  // a second patient reported in bed 1: both tiles warn, until one of them is given another bed
  const second = await t.device();
  await second.send(hello({ device: 'D2', patient: 'P2', bed: 1, ward: 'icu' }, 'Pulse=70|Seq=1'));
  await expectVisible(page, sel.sharedBed('P1'));
  await expectVisible(page, sel.sharedBed('P2'));
  await second.send(hello({ device: 'D2', patient: 'P2', bed: 2, ward: 'icu' }, 'Pulse=71|Seq=2'));
  await page.locator(sel.sharedBed('P1')).waitFor({ state: 'detached' });
});

// b. An abnormal frame over TCP raises a visible HIGH alarm on the patient's tile.

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
});

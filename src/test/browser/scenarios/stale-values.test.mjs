// Old values never look live: a value's age is the time it was measured, not the time the patient last changed.

import { hello } from '../device.mjs';
import { expectText, expectVisible, nodeUrl, scenario } from '../harness.mjs';
import * as sel from '../selectors.mjs';

const TEN_MINUTES_AGO = () => new Date(Date.now() - 10 * 60 * 1000).toISOString();

scenario('values measured long ago are shown stale, one by one, whatever else changes', async (t) => {
  const page = await t.openWard(nodeUrl);
  const device = await t.device();

  // A monitor forwarding readings it buffered while offline: received now, measured ten minutes ago.
  await device.send(hello({ device: 'D1', patient: 'P1', bed: 1, ward: 'icu' },
    `Pulse=80|SpO2=97|Ts=${TEN_MINUTES_AGO()}|Seq=1`));
  await expectText(page, sel.vital('P1', 'SPO2'), '97');
  await expectVisible(page, sel.staleTile('P1'));
  await expectVisible(page, sel.staleVital('P1', 'SPO2'));

  // A new pulse now: the tile is live again, the old SpO2 stays grey beside it.
  await device.send('Pulse=82|Seq=2\n');
  await expectText(page, sel.vital('P1', 'PULSE'), '82');
  await expectVisible(page, sel.staleTile('P1', false));
  await expectVisible(page, sel.staleVital('P1', 'PULSE', false));
  await expectVisible(page, sel.staleVital('P1', 'SPO2'));
});

// A connection that the network killed without closing it (no reset: a powered-off server, a dropped path) still
// looks open to the browser. The page probes its live feed and, when two probes go unanswered, says the connection is
// lost (so its link alarm follows) and reconnects, instead of showing "Live" while no alarm can reach it.

import { expectText, scenario } from '../harness.mjs';
import { hello } from '../device.mjs';
import * as sel from '../selectors.mjs';

scenario('a feed cut off without a close is shown lost within two probes (10 to 25 s), then reconnected', async (t) => {
  const proxy = await t.proxy({ blockWebSocket: false });
  const page = await t.openWard(proxy.origin);
  await page.locator(sel.linkOpen).waitFor();
  const bed1 = await t.device();
  await bed1.send(hello({ device: 'D1', patient: 'P1', bed: 1, ward: 'icu' }, 'Pulse=80|Seq=1'));
  await expectText(page, sel.vital('P1', 'PULSE'), '80');

  proxy.stall();
  await page.locator(sel.banner).filter({ hasText: 'Connection lost' }).waitFor({ timeout: 40000 });

  await page.locator(sel.linkOpen).waitFor({ timeout: 15000 });
  await bed1.send('Pulse=81|Seq=2\n');
  await expectText(page, sel.vital('P1', 'PULSE'), '81');
});

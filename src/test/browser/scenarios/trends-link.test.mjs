// The trend view leaves the ward in sight: while it is open, another bed's new alarm shows in the ward's alarm list
// and a lost feed in the red banner, neither hidden behind it; the view itself says when its charts are not live,
// and when they are live again.

import assert from 'node:assert/strict';
import { hello } from '../device.mjs';
import { expectVisible, scenario } from '../harness.mjs';
import * as sel from '../selectors.mjs';

const OUTAGE_MS = 3000;

/** Whether the element of `selector` is in sight: the topmost element at its centre is it, or inside it. */
function inSight(page, selector) {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
  });
}

scenario('the trend view leaves new alarms and a lost link in sight and says when it is not live', async (t) => {
  const proxy = await t.proxy({ blockWebSocket: false });
  const page = await t.openWard(proxy.origin);
  const bed1 = await t.device();
  await bed1.send(hello({ device: 'D1', patient: 'P1', bed: 1, ward: 'icu' }, 'Pulse=80|Seq=1'));
  await page.click(sel.trendsButton('P1'));
  await expectVisible(page, sel.trendChart('PULSE'));
  await expectVisible(page, sel.patientViewLive(true));
  assert.match(await page.locator(sel.patientViewStatus).textContent(), /, live$/);

  const bed2 = await t.device();
  await bed2.send(hello({ device: 'D2', patient: 'P2', bed: 2, ward: 'icu' }, 'Pulse=190|Seq=1'));
  await expectVisible(page, sel.wardAlarmLine('P2', 'HIGH'));
  assert.ok(await inSight(page, sel.wardAlarmLine('P2', 'HIGH')), 'the trend view hides another bed\'s new alarm');

  const accepting = proxy.refuse(OUTAGE_MS);
  proxy.dropAll();
  await page.locator(sel.banner).filter({ hasText: 'Connection lost' }).waitFor();
  assert.ok(await inSight(page, sel.banner), 'the trend view hides the lost link');
  await expectVisible(page, sel.patientViewLive(false));
  assert.match(await page.locator(sel.patientViewStatus).textContent(), /NOT LIVE: connection lost/);
  await accepting;

  await page.locator(sel.subscribed('icu')).waitFor();
  await expectVisible(page, sel.patientViewLive(true));
  assert.match(await page.locator(sel.patientViewStatus).textContent(), /, live$/);
});

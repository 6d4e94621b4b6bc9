// Alarm flashing is a safety signal (IEC 60601-1-8), not decoration: a HIGH or MEDIUM alarm awaiting acknowledgement
// flashes also on a screen whose system asks for reduced motion (thin clients often turn animations off).

import assert from 'node:assert/strict';
import { hello } from '../device.mjs';
import { expectVisible, nodeUrl, scenario } from '../harness.mjs';
import * as sel from '../selectors.mjs';

/** The animation running on a patient's tile (its computed animation-name; "none" when it does not flash). */
function animationOf(page, patient) {
  return page.locator(sel.tile(patient)).evaluate((tile) => getComputedStyle(tile).animationName);
}

scenario('HIGH and MEDIUM alarms flash on a screen that asks for reduced motion', async (t) => {
  const page = await t.openWard(nodeUrl);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  assert.ok(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches),
    'the page does not see the reduced-motion setting');

  const bed1 = await t.device();
  await bed1.send(hello({ device: 'D1', patient: 'P1', bed: 1, ward: 'icu' }, 'Pulse=190|Seq=1'));
  const bed2 = await t.device();
  await bed2.send(hello({ device: 'D2', patient: 'P2', bed: 2, ward: 'icu' }, 'Pulse=80|BP=85/50|Seq=1'));
  await expectVisible(page, sel.tile('P1', 'HIGH'));
  await expectVisible(page, sel.tile('P2', 'MEDIUM'));
  assert.equal(await animationOf(page, 'P1'), 'flash-high');
  assert.equal(await animationOf(page, 'P2'), 'flash-medium');
});

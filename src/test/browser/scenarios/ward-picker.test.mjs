// Rooms: a screen shows one ward and subscribes to that ward's addresses only; picking another ward swaps the tiles
// and the subscriptions, and the choice is kept in the page address.

import assert from 'node:assert/strict';
import { sentOnBridge } from '../browser.mjs';
import { hello } from '../device.mjs';
import { expectText, expectVisible, nodeUrl, scenario } from '../harness.mjs';
import * as sel from '../selectors.mjs';

scenario('the ward picker shows one ward and subscribes to its addresses only', async (t) => {
  const device = await t.device();
  await device.send(hello({ device: 'D1', patient: 'P1', bed: 1, ward: 'icu' }, 'Pulse=80|Seq=1')
    + hello({ device: 'D2', patient: 'P2', bed: 2, ward: 'ccu' }, 'Pulse=90|Seq=1'));
  const page = await t.openWard(nodeUrl);
  await expectVisible(page, sel.tile('P1'));
  await page.locator(`${sel.wardPicker} option[value="ccu"]`).waitFor({ state: 'attached' });
  assert.equal(await page.locator(sel.tile('P2')).count(), 0, 'a ccu patient on the icu screen');
  const addresses = () => sentOnBridge(page).filter((m) => m.type === 'register').map((m) => m.address);
  assert.deepEqual(addresses().filter((a) => !a.startsWith('wardwatch.ward.icu.')), []);

  await page.selectOption(sel.wardPicker, 'ccu');
  await page.locator(sel.subscribed('ccu')).waitFor();
  await expectVisible(page, sel.tile('P2'));
  assert.equal(await page.locator(sel.tile('P1')).count(), 0, 'the icu tiles stay after picking ccu');
  const unregistered = sentOnBridge(page).filter((m) => m.type === 'unregister').map((m) => m.address);
  assert.ok(unregistered.includes('wardwatch.ward.icu.vitals'), `icu not unregistered: ${unregistered}`);
  assert.match(page.url(), /[?&]ward=ccu\b/);

  await device.send('Device=D2|Pulse=95|Seq=2\nDevice=D1|Pulse=85|Seq=2\n');
  await expectText(page, sel.vital('P2', 'PULSE'), '95');
  assert.equal(await page.locator(sel.tile('P1')).count(), 0, 'an icu update reached the ccu screen');

  // a mistyped bookmark: not a calm empty ward, but a ward no device has reported from, and the ones that have
  await page.goto(`${nodeUrl}/?ward=icuu`);
  await expectVisible(page, sel.unknownWard('icuu'));
  assert.match(await page.locator(sel.unknownWard('icuu')).innerText(), /Known wards: ccu, icu\b/);
});

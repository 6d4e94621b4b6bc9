// d. and e.: the server side drops the page's connection and refuses it for a while. The page says so, and once it
// is back it has reconnected, shows the alarm raised while it was cut off (no missed alarm), and is live again.

import assert from 'node:assert/strict';
import { hello } from './device.mjs';
import { expectText, expectVisible, viaBridgeOnly } from './harness.mjs';
import * as sel from './selectors.mjs';

const OUTAGE_MS = 2500;

/**
 * @param blockWebSocket  the proxy refuses WebSocket upgrades
 * @param transport       what the page must show as its transport, e.g. /^via websocket$/
 */
export async function dropAndResync(t, { blockWebSocket, transport }) {
  const proxy = await t.proxy({ blockWebSocket });
  const page = await t.openWard(proxy.origin);
  assert.match(await page.locator(sel.transport).textContent(), transport);
  const bed1 = await t.device();
  await viaBridgeOnly(page, async () => {
    await bed1.send(hello({ device: 'D1', patient: 'P1', bed: 1, ward: 'icu' }, 'Pulse=80|Seq=1'));
    await expectText(page, sel.vital('P1', 'PULSE'), '80');
  });

  const accepting = proxy.refuse(OUTAGE_MS);
  proxy.dropAll();
  await page.locator(sel.banner).filter({ hasText: 'Connection lost' }).waitFor();
  const bed2 = await t.device();
  await bed2.send(hello({ device: 'D2', patient: 'P2', bed: 2, ward: 'icu' }, 'Pulse=190|Seq=1'));
  assert.equal(await page.locator(sel.linkState).getAttribute('data-state'), 'closed',
    'the alarm must be raised while the page is cut off');
  await accepting;

  await page.locator(sel.linkOpen).waitFor();
  await page.locator(sel.banner).waitFor({ state: 'hidden' });
  assert.match(await page.locator(sel.transport).textContent(), transport);
  await expectVisible(page, sel.tile('P2', 'HIGH'));
  await expectVisible(page, sel.alarmLine('P2', 'HIGH'));
  await page.locator(sel.subscribed('icu')).waitFor();
  await viaBridgeOnly(page, async () => {
    await bed1.send('Pulse=84|Seq=2\n');
    await expectText(page, sel.vital('P1', 'PULSE'), '84');
  });
}

// The dashboard over HTTPS: the page, its REST calls and its bridge (SockJS over WSS) work, and a device's frames show.

import assert from 'node:assert/strict';
import { hello } from '../device.mjs';
import { expectText, nodeUrl, scenario, viaBridgeOnly } from '../harness.mjs';
import * as sel from '../selectors.mjs';

scenario('the dashboard served over HTTPS shows a device\'s vitals over WSS', async (t) => {
  assert.match(nodeUrl, /^https:/, 'DashboardBrowserTest gives this scenario a node with TLS');
  const page = await t.openWard(nodeUrl);
  const device = await t.device();

  await viaBridgeOnly(page, async () => {
    await device.send(hello({ device: 'TLS-D1', patient: 'TLS-P1', bed: 1, ward: 'icu' }, 'Pulse=80|SpO2=97|Seq=1'));
    await expectText(page, sel.vital('TLS-P1', 'PULSE'), '80');
    await device.send('Pulse=84|Seq=2\n');
    await expectText(page, sel.vital('TLS-P1', 'PULSE'), '84');
  });
  await expectText(page, sel.transport, 'via websocket');
  assert.equal(await page.evaluate(() => location.protocol), 'https:');
});

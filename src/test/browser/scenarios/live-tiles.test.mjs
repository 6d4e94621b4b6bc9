// a. Live tiles: a device's frames show on its patient's tile, and a new frame (or a batch of them) updates it, over
// the bridge.

import assert from 'node:assert/strict';
import { receivedOnBridge } from '../browser.mjs';
import { hello } from '../device.mjs';
import { expectText, expectVisible, nodeUrl, scenario, viaBridgeOnly } from '../harness.mjs';
import * as sel from '../selectors.mjs';

/** The page's request for its ward's patients: a reload. */
const WARD_LIST = /\/api\/patients\?ward=/;

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

scenario('a batch of frames shows its last values without reloading the ward', async (t) => {
  const page = await t.openWard(nodeUrl);
  const device = await t.device();
  await device.send(hello({ device: 'D3', patient: 'P3', bed: 3, ward: 'icu' }, 'Pulse=70|Seq=1'));
  await expectText(page, sel.vital('P3', 'PULSE'), '70');
  const reloads = [];
  page.on('request', (request) => {
    if (WARD_LIST.test(request.url())) reloads.push(request.url());
  });
  await page.waitForResponse(WARD_LIST, { timeout: 15000 }); // the page's own reload, every 10 s: the next is far off
  reloads.length = 0;

  // one write, one batch: the gateway shows P3 once, by a snapshot whose fromSeq is the batch's first change
  await device.send('Pulse=71|Seq=2\nPulse=72|Seq=3\nPulse=73|Seq=4\nPulse=74|Seq=5\n');
  await expectText(page, sel.vital('P3', 'PULSE'), '74');

  // a request made now is reported after any the page made before it, such as a reload for a missed update
  const marker = page.waitForRequest((request) => request.url().endsWith('/health'));
  await page.evaluate(() => fetch('/health'));
  await marker;
  const shown = receivedOnBridge(page).map((m) => m.body).filter((body) => body && body.patient === 'P3');
  assert.ok(shown.some((body) => body.seq === 5 && body.fromSeq === 2), `not shown at once: ${JSON.stringify(shown)}`);
  assert.deepEqual(reloads, [], 'the skipped sequence numbers were shown, not missed');

  // the page's own model: a live snapshot that starts past the next seq still means a missed update
  const gaps = await page.evaluate(async () => {
    const { Store } = await import('/js/model.js');
    const store = new Store();
    store.applySnapshot({ patient: 'X', ward: 'icu', seq: 1, fromSeq: 1 }, true);
    const shown = store.applySnapshot({ patient: 'X', ward: 'icu', seq: 4, fromSeq: 2 }, true).gap;
    const missed = store.applySnapshot({ patient: 'X', ward: 'icu', seq: 7, fromSeq: 6 }, true).gap;
    const older = store.applySnapshot({ patient: 'X', ward: 'icu', seq: 9 }, true).gap; // a node without fromSeq
    return { shown, missed, older };
  });
  assert.deepEqual(gaps, { shown: false, missed: true, older: true });
});

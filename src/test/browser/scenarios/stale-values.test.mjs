// Old values never look live: a value's age is the time it was measured, not the time the patient last changed.

import assert from 'node:assert/strict';
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
  const mark = (param) => page.locator(sel.vital('P1', param)).evaluate((v) => getComputedStyle(v, '::after').content);
  assert.equal(await mark('SPO2'), '"old"', 'the old value says so in words, not by its grey alone');
  assert.equal(await mark('PULSE'), 'none');
});

const SECONDS_AGO = (seconds) => new Date(Date.now() - seconds * 1000).toISOString();

scenario('a value reported seldom is stale once overdue by its report interval, a stream\'s after 15 s', async (t) => {
  const page = await t.openWard(nodeUrl);
  // A monitor's first report, over HL7 say: its interval is taken as a minute until its second.
  const seldom = await t.device();
  await seldom.send(hello({ device: 'D2', patient: 'P2', bed: 2, ward: 'icu' },
    `Pulse=80|Ts=${SECONDS_AGO(40)}|Seq=1`));
  // A stream: two values 1.2 s apart, the last measured 40 s ago as well.
  const stream = await t.device();
  await stream.send(hello({ device: 'D3', patient: 'P3', bed: 3, ward: 'icu' },
    `Pulse=70|Ts=${SECONDS_AGO(41)}|Seq=1`));
  await new Promise((resolve) => setTimeout(resolve, 1200));
  await stream.send(`Pulse=71|Ts=${SECONDS_AGO(40)}|Seq=2\n`);

  await expectText(page, sel.vital('P3', 'PULSE'), '71');
  await expectVisible(page, sel.staleTile('P3'));
  await expectVisible(page, sel.staleVital('P3', 'PULSE'));
  await expectText(page, sel.vital('P2', 'PULSE'), '80');
  await expectVisible(page, sel.staleTile('P2', false));
  await expectVisible(page, sel.staleVital('P2', 'PULSE', false));
});

scenario('a value from a device whose clock runs ahead ages from when it came, not from its own time', async (t) => {
  const page = await t.openWard(nodeUrl);
  const ages = await page.evaluate(async () => {
    const { Store } = await import('/js/model.js');
    const store = new Store();
    const now = Date.now();
    const ahead = { value: 80, time: new Date(now + 50000).toISOString() }; // the device's clock 50 s fast
    const snapshot = (seq, updated) =>
      ({ patient: 'X', ward: 'icu', seq, updated: new Date(updated).toISOString(), vitals: { PULSE: ahead } });
    store.applySnapshot(snapshot(1, now), false);
    store.applySnapshot(snapshot(2, now + 10000), false); // an acknowledgement, say: the same value
    const entry = store.entry('X');
    return { tile: store.ageOf(entry, now + 20000), pulse: store.valueAges(entry, now + 20000).PULSE };
  });
  assert.deepEqual(ages, { tile: 20000, pulse: 20000 });
});

const SECONDS_AHEAD = (seconds) => SECONDS_AGO(-seconds);
const sleepUntil = (at) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

scenario('a value first loaded from the patient list ages from when it came, not from the patient\'s last change',
  async (t) => {
    const nurse = await t.openWard(nodeUrl);
    // A monitor whose clock runs 50 s fast streams a high pulse (two frames: a stream, stale after 15 s) and falls
    // silent.
    const device = await t.device();
    await device.send(hello({ device: 'D4', patient: 'P4', bed: 4, ward: 'icu' },
      `Pulse=190|Ts=${SECONDS_AHEAD(50)}|Seq=1`));
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await device.send(`Pulse=190|Ts=${SECONDS_AHEAD(50)}|Seq=2\n`);
    const came = Date.now();

    // 10 s later its alarm is acknowledged: the patient's `updated` moves on, its pulse stays as it came.
    await sleepUntil(came + 10000);
    await nurse.fill(sel.userName, 'nurse.kim');
    await nurse.click(sel.acknowledge('P4', 'HIGH'));
    await expectVisible(nurse, sel.alarmLine('P4', 'HIGH', 'ACTIVE_ACKNOWLEDGED'));

    // 16 s after the pulse came a screen opens, the ward loaded from the patient list: grey at once, not only 15 s
    // after the acknowledgement (25 s after it came).
    await sleepUntil(came + 16000);
    const page = await t.openWard(nodeUrl);
    await expectText(page, sel.vital('P4', 'PULSE'), '190');
    await page.locator(sel.staleVital('P4', 'PULSE')).waitFor({ timeout: 3000 });
    assert.ok(Date.now() < came + 25000, 'grey before the acknowledgement was 15 s old');
  });

scenario('a charting too old for NEWS2 to score is shown greyed, asking for a new one', async (t) => {
  const page = await t.openWard(nodeUrl);
  const shown = await page.evaluate(async () => {
    const { buildTile, updateClinical } = await import('/js/tile.js');
    const control = () => document.createElement('div');
    const t = buildTile({ patient: 'X' }, control(), control(), control());
    const charted = new Date(Date.now() - 13 * 3600 * 1000).toISOString();
    const entry = (missing) => ({ news2: { total: 0, band: 'low', components: {}, partial: true, missing },
      consciousness: { value: 'A', time: charted }, oxygen: { onOxygen: true, flow: 2, time: charted } });
    const read = () => ({ oxygen: t.oxygen.getAttribute('data-stale'), title: t.oxygen.title,
      acvpu: t.acvpu.getAttribute('data-stale') });
    updateClinical(t, entry(['AIR_OR_OXYGEN', 'CONSCIOUSNESS']));
    const old = read();
    updateClinical(t, entry([]));
    return { old, fresh: read() };
  });
  assert.equal(shown.old.oxygen, 'true');
  assert.equal(shown.old.acvpu, 'true');
  assert.match(shown.old.title, /^O₂ 2 L\/min, charted \d\d:\d\d \(too old to score: chart again\)$/);
  assert.deepEqual(shown.fresh.oxygen, null, 'scored again once charted anew');
  assert.deepEqual(shown.fresh.acvpu, null);
});

// Patient view: "Trends" on a tile opens the last hour per vital sign from the history endpoint, with the alarm
// limits in force and the patient's alarm events, and keeps it live, a monitor's batch of frames included; an arterial
// line's chart and tile cell come with its first value. Saves target/screenshots/trends.png.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { until } from '../browser.mjs';
import { hello } from '../device.mjs';
import { expectText, expectVisible, nodeUrl, scenario, screenshotDir } from '../harness.mjs';
import * as sel from '../selectors.mjs';

const MINUTES = 40;

/** A frame per minute over the last 40 minutes, stamped with the device's time: the pulse climbs past its limit. */
function pastHour(now) {
  const frames = [];
  for (let m = MINUTES; m >= 1; m--) {
    const ts = new Date(now - m * 60000).toISOString().replace(/\.\d+Z$/, 'Z');
    const pulse = Math.round(82 + (MINUTES - m) * 1.5 + Math.sin(m / 3) * 4);
    const spo2 = 97 - Math.floor((MINUTES - m) / 12);
    const rr = 16 + Math.floor((MINUTES - m) / 10);
    const systolic = 128 - Math.floor((MINUTES - m) / 4);
    const temp = (37.0 + (MINUTES - m) * 0.02).toFixed(1);
    frames.push(`Pulse=${pulse}|SpO2=${spo2}|RR=${rr}|BP=${systolic}/78|Temp=${temp}|Ts=${ts}|Seq=${MINUTES - m + 1}`);
  }
  return frames;
}

scenario('trends show the last hour with limits and alarm events, and stay live', async (t) => {
  const device = await t.device();
  await device.send(hello({ device: 'D1', patient: 'P1', bed: 1, ward: 'icu' }, ...pastHour(Date.now())));
  await device.send(`Pulse=158|SpO2=94|RR=20|BP=118/76|Temp=37.8|Seq=${MINUTES + 1}\n`);
  const page = await t.openWard(nodeUrl);
  await expectVisible(page, sel.tile('P1', 'HIGH'));

  await page.click(sel.trendsButton('P1'));
  for (const group of ['PULSE', 'SPO2', 'BP', 'RESP_RATE', 'TEMPERATURE']) {
    await expectVisible(page, sel.trendChart(group));
  }
  const pulse = page.locator(sel.trendChart('PULSE'));
  assert.ok(Number(await pulse.getAttribute('data-points')) >= MINUTES, 'the pulse chart lacks the past 40 minutes');
  assert.equal(await pulse.getAttribute('data-limits'), '4', 'pulse has four limits in force (two HIGH, two MEDIUM)');
  assert.ok(Number(await pulse.getAttribute('data-events')) >= 1, 'the HIGH pulse alarm is not marked');
  await expectVisible(page, `${sel.patientView} li[data-priority="HIGH"]`);

  const before = Number(await pulse.getAttribute('data-points'));
  await device.send(`Pulse=120|SpO2=95|Seq=${MINUTES + 2}\n`);
  await until(async () => Number(await pulse.getAttribute('data-points')) > before,
    () => 'a live frame did not reach the open chart');

  // a monitor catching up: one batch of frames stamped 50, 35 and 20 s ago (each in a 10-s bucket of its own, before
  // the live points'), shown by one snapshot of the latest values; the chart loads the hour again for the values
  // between (a dip to 58 among them)
  const caughtUp = Number(await pulse.getAttribute('data-points'));
  const ago = (s) => new Date(Date.now() - s * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  await device.send([[50, 96], [35, 58], [20, 101]]
    .map(([s, pulseValue], i) => `Pulse=${pulseValue}|Ts=${ago(s)}|Seq=${MINUTES + 3 + i}\n`).join(''));
  // three points more, less one when the two latest live points share a 10-s bucket of the hour loaded again
  await until(async () => Number(await pulse.getAttribute('data-points')) >= caughtUp + 2,
    () => 'the values of a batch between its first and last did not reach the open chart');

  // a cuff patient has no arterial chart nor cell until an arterial line is connected
  const arterial = page.locator(sel.trendChart('ABP'));
  const arterialCell = page.locator(sel.vitalCell('P1', 'ABP'));
  assert.ok(await arterial.isHidden() && await arterialCell.isHidden(), 'arterial pressure shown without a line');
  await device.send(`ABP=104/61/75|BP=118/76|Seq=${MINUTES + 6}\n`);
  await arterial.waitFor({ state: 'visible' });
  await expectText(page, sel.vital('P1', 'ART_SYSTOLIC'), '104');
  await expectText(page, sel.vital('P1', 'ART_MEAN'), '(75)');
  await expectText(page, sel.vital('P1', 'BP_SYSTOLIC'), '118');
  assert.equal(await page.locator(sel.vital('P1', 'BP_MEAN')).textContent(), '', 'a mean not sent is shown');
  await page.screenshot({ path: join(screenshotDir(), 'trends.png') });

  // Escape closes the view, as it closed the modal dialog: with focus where "Trends" left it (on the tile, where
  // nothing else takes the key) and with focus in the view; not when a control elsewhere takes the key for itself.
  const view = page.locator(sel.patientView);
  const reopen = async () => {
    await page.click(sel.trendsButton('P1'));
    await expectVisible(page, sel.trendChart('PULSE'));
  };
  await page.keyboard.press('Escape');
  await view.waitFor({ state: 'hidden' });
  await reopen();
  await page.focus(sel.patientViewClose);
  await page.keyboard.press('Escape');
  await view.waitFor({ state: 'hidden' });
  await reopen();
  await page.locator(sel.userName).evaluate((field) => field.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') e.preventDefault(); // a field's own use of the key, as a list of suggestions would have
  }));
  await page.focus(sel.userName);
  await page.keyboard.press('Escape');
  assert.ok(await view.isVisible(), 'an Escape a field took for itself closed the trend view');

  // an open view keeps the last hour's alarm events only, however long it stays open
  const kept = await page.evaluate(async () => {
    const { lastHourOf } = await import('/js/history.js');
    const events = ['09:00:00', '09:59:59', '10:00:00', '10:30:00'].map((t) => ({ at: `2026-12-06T${t}Z` }));
    return lastHourOf(events, '2026-12-06T11:00:00Z').map((e) => e.at.slice(11, 19));
  });
  assert.deepEqual(kept, ['10:00:00', '10:30:00'], 'events older than the hour are kept');
});

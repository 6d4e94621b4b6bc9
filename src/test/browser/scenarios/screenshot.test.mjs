// g. A ward of six beds, some abnormal, one alarm acknowledged, saved as a full-page screenshot for people to look at
// (target/screenshots/ward.png; never into docs/).

import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { expectVisible, nodeUrl, scenario, screenshotDir } from '../harness.mjs';
import * as sel from '../selectors.mjs';

const NORMAL = 'Pulse=78|SpO2=97|RR=15|BP=122/78|Temp=36.8';
const BEDS = [
  NORMAL,
  'Pulse=190|SpO2=95|RR=22|BP=135/85|Temp=37.4', // HIGH pulse, acknowledged below
  'Pulse=104|SpO2=94|RR=34|BP=118/74|Temp=37.9', // HIGH respiration rate
  'Pulse=96|SpO2=96|RR=18|BP=84/52|Temp=36.5', // MEDIUM low blood pressure
  'Pulse=88|SpO2=98|RR=17|BP=128/80|Temp=38.9', // LOW fever
  'Pulse=64|SpO2=99|RR=12|BP=110/70|Temp=36.6',
];

scenario('a ward of six beds is saved as a screenshot', async (t) => {
  const page = await t.openWard(nodeUrl);
  const device = await t.device();
  await device.send(BEDS.map((vitals, i) => `Device=M${i + 1}|Patient=P${i + 1}|Bed=${i + 1}|Ward=icu|${vitals}\n`)
    .join(''));
  for (let bed = 1; bed <= BEDS.length; bed++) await expectVisible(page, sel.tile(`P${bed}`));
  await expectVisible(page, sel.tile('P3', 'HIGH'));

  await page.fill(sel.userName, 'nurse.kim');
  await page.click(sel.acknowledge('P2', 'HIGH'));
  await expectVisible(page, sel.alarmLine('P2', 'HIGH', 'ACTIVE_ACKNOWLEDGED'));

  const file = join(screenshotDir(), 'ward.png');
  await page.screenshot({ path: file, fullPage: true });
  assert.ok(statSync(file).size > 10000, `${file} is too small to show a ward`);
});

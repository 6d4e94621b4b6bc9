// NEWS2 is not validated for children or in pregnancy: a nurse stops it for such a patient from the tile's Assess
// form. Refused while the NEWS2 alarm awaits acknowledgement; once acknowledged, the stop ends the alarm on every
// screen, the tile reads "NEWS2 off", a worse reading raises no NEWS2 alarm, and the audit names who did it. Used
// again, NEWS2 scores and alarms at once.

import assert from 'node:assert/strict';
import { until } from '../browser.mjs';
import { hello } from '../device.mjs';
import { expectVisible, nodeUrl, scenario, viaBridgeOnly } from '../harness.mjs';
import * as sel from '../selectors.mjs';

/** NEWS2 3, a single red score (new confusion): low-medium, a MEDIUM alarm; no threshold rule is crossed. */
const CONFUSED = 'Pulse=80|SpO2=97|RR=16|BP=120/80|Temp=37.0|O2=air|ACVPU=C';
/** NEWS2 7, high (unresponsive, pulse 125, SpO2 93): a HIGH alarm were NEWS2 used; no threshold rule is crossed. */
const WORSE = 'Pulse=125|SpO2=93|ACVPU=U';

/** Charts `news2` ('on', or why NEWS2 is off) on P7's tile, opening its Assess form unless a refusal left it open. */
async function assess(page, news2) {
  if (!(await page.locator(sel.assessChoice('P7', 'news2')).isVisible())) {
    await page.locator(sel.assessControl('P7')).click();
  }
  await page.selectOption(sel.assessChoice('P7', 'news2'), news2);
  await page.locator(sel.assessSave('P7')).click();
}

scenario('NEWS2 stopped for a patient it does not apply to: no score, no NEWS2 alarm, on every screen', async (t) => {
  const nurse = await t.openWard(nodeUrl);
  const colleague = await t.openWard(nodeUrl);
  const monitor = await t.device();
  await monitor.send(hello({ device: 'M7', patient: 'P7', bed: 7, ward: 'icu' }, `${CONFUSED}|Seq=1`));
  await expectVisible(nurse, sel.alarmLine('P7', 'MEDIUM', 'ACTIVE_UNACKNOWLEDGED'));
  await expectVisible(colleague, `${sel.news2('P7', 'on')} >> text=NEWS2 3`);
  await nurse.fill(sel.userName, 'nurse.kim');

  await assess(nurse, 'pregnant');
  await expectVisible(nurse,
    `${sel.tile('P7')} >> text=Assessment failed: Acknowledge patient P7's NEWS2 alarm first`);
  await expectVisible(colleague, sel.alarmLine('P7', 'MEDIUM', 'ACTIVE_UNACKNOWLEDGED'));
  await nurse.click(sel.acknowledge('P7', 'MEDIUM'));
  await expectVisible(colleague, sel.alarmLine('P7', 'MEDIUM', 'ACTIVE_ACKNOWLEDGED'));
  await viaBridgeOnly(colleague, async () => {
    await assess(nurse, 'pregnant');
    await expectVisible(colleague, sel.news2('P7', 'off'));
    await colleague.locator(sel.alarmLine('P7', 'MEDIUM')).waitFor({ state: 'detached' });
  });
  await expectVisible(colleague, `${sel.news2('P7', 'off')} >> text=NEWS2 off`);

  await monitor.send(`${WORSE}|Seq=2\n`);
  await expectVisible(colleague, `${sel.tile('P7')} >> text=ACVPU U`);
  for (const priority of ['HIGH', 'MEDIUM']) {
    assert.equal(await colleague.locator(sel.alarmLine('P7', priority)).count(), 0, 'no NEWS2 alarm while stopped');
  }
  let audit = [];
  await until(async () => {
    audit = await (await fetch(`${nodeUrl}/api/alarms?patient=P7`)).json();
    return audit.some((e) => e.type === 'ASSESSMENT' && e.actor === 'nurse.kim'
      && e.detail === 'NEWS2 not used: pregnant');
  }, () => `no ASSESSMENT "NEWS2 not used: pregnant" by nurse.kim in the audit trail: ${JSON.stringify(audit)}`);

  await assess(nurse, 'on');
  await expectVisible(colleague, sel.news2('P7', 'on'));
  await expectVisible(colleague, sel.alarmLine('P7', 'HIGH', 'ACTIVE_UNACKNOWLEDGED'));
});

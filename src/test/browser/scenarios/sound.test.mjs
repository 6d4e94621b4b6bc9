// Audible alarms: sound is off until the user enables it (browsers block autoplay) and a warning says so all the
// while; once enabled, the most urgent alarm awaiting acknowledgement sounds its priority's pattern, and
// acknowledging it silences it.

import assert from 'node:assert/strict';
import { hello } from '../device.mjs';
import { expectVisible, nodeUrl, scenario } from '../harness.mjs';
import * as sel from '../selectors.mjs';

scenario('sound needs enabling, warns while off, plays the priority\'s pattern and stops when acknowledged',
  async (t) => {
    const page = await t.openWard(nodeUrl);
    await expectVisible(page, sel.soundWarning);
    assert.equal(await page.locator(sel.soundToggle).getAttribute('aria-pressed'), 'false');

    await page.click(sel.soundToggle);
    await page.locator(sel.soundWarning).waitFor({ state: 'hidden' });
    assert.equal(await page.locator(sel.soundToggle).getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator(sel.soundToggle).getAttribute('data-playing'), 'none');

    const device = await t.device();
    await device.send(hello({ device: 'D1', patient: 'P1', bed: 1, ward: 'icu' }, 'Pulse=96|SpO2=97|BP=85/50|Seq=1'));
    await expectVisible(page, `${sel.soundToggle}[data-playing="MEDIUM"]`);
    await device.send('Pulse=190|SpO2=97|BP=85/50|Seq=2\n');
    await expectVisible(page, `${sel.soundToggle}[data-playing="HIGH"]`);

    await page.fill(sel.userName, 'nurse.kim');
    await page.click(sel.acknowledge('P1', 'HIGH'));
    await expectVisible(page, `${sel.soundToggle}[data-playing="MEDIUM"]`);

    await page.click(sel.soundToggle);
    await expectVisible(page, sel.soundWarning);
    assert.equal(await page.locator(sel.soundToggle).getAttribute('data-playing'), 'none');
  });

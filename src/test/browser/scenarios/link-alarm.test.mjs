// A ward screen that has lost its live feed is not silent: no new alarm can reach it, so after 10 s cut off it sounds
// its own link alarm (once sound is enabled), and stops once the feed is back.

import { expectVisible, scenario } from '../harness.mjs';
import * as sel from '../selectors.mjs';

const OUTAGE_MS = 14000;

scenario('a page cut off from its live feed for 10 s sounds the link alarm until it is back', async (t) => {
  const proxy = await t.proxy({ blockWebSocket: false });
  const page = await t.openWard(proxy.origin);
  await page.click(sel.soundToggle);
  await page.locator(sel.soundWarning).waitFor({ state: 'hidden' });
  await page.locator(sel.linkOpen).waitFor();

  const accepting = proxy.refuse(OUTAGE_MS);
  proxy.dropAll();
  await page.locator(sel.banner).filter({ hasText: 'Connection lost' }).waitFor();
  await expectVisible(page, `${sel.soundToggle}[data-playing="none"]`);
  await page.locator(`${sel.soundToggle}[data-playing="LINK"]`).waitFor({ timeout: 13000 });
  await accepting;

  await page.locator(sel.linkOpen).waitFor();
  await expectVisible(page, `${sel.soundToggle}[data-playing="none"]`);
});

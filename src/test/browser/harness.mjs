// What every scenario shares: the node under test (started by DashboardBrowserTest, which passes its ports in the
// environment), a browser, devices and a proxy that are closed when the scenario ends, and the bounded waits.

import test from 'node:test';
import { launchBrowser, openPage } from './browser.mjs';
import { Device } from './device.mjs';
import { startProxy } from './proxy.mjs';
import * as sel from './selectors.mjs';

function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: scenarios are run by org.wardwatch.web.DashboardBrowserTest`);
  return value;
}

export const ports = {
  http: Number(env('WW_HTTP_PORT')),
  devices: Number(env('WW_DEVICE_PORT')),
  proxy: Number(env('WW_PROXY_PORT')), // free, and allowed as an origin by the node
};
/** The node's dashboard: over HTTPS in the scenario whose node has TLS (the test certificate, not checked). */
export const nodeUrl = `${process.env.WW_SCHEME || 'http'}://127.0.0.1:${ports.http}`;
export const screenshotDir = () => env('WW_SCREENSHOT_DIR');

/** The ward every scenario uses, and the bridge address of its vitals. */
export const VITALS = 'wardwatch.ward.icu.vitals';

/**
 * A node:test test with a fresh browser. `fn(t)` gets:
 * - `t.open(origin, path)`: a page in a context of its own;
 * - `t.openWard(origin)`: the ward screen of `icu`, once live and its registrations confirmed by the server;
 * - `t.device()`: a connected Device; `t.proxy(options)`: a proxy to the node on the allowed proxy port;
 * - `t.cleanup(fn)`: runs `fn` when the scenario ends, as the browser, devices and proxies are closed then.
 */
export function scenario(name, fn) {
  test(name, { timeout: 60000 }, async () => {
    const browser = await launchBrowser();
    const closers = [() => browser.close()];
    const t = {
      open: (origin, path) => openPage(browser, origin + path),
      async openWard(origin) {
        const page = await openPage(browser, `${origin}/?ward=icu`);
        await page.locator(sel.subscribed('icu')).waitFor();
        return page;
      },
      async device() {
        const device = await Device.connect(ports.devices);
        closers.push(() => device.close());
        return device;
      },
      async proxy(options) {
        const proxy = await startProxy({ target: ports.http, port: ports.proxy, ...options });
        closers.push(() => proxy.close());
        return proxy;
      },
      cleanup: (close) => closers.push(close),
    };
    try {
      await fn(t);
    } finally {
      for (const close of closers.reverse()) await close();
    }
  });
}

/** Waits until the element of `selector` shows exactly `text`. */
export function expectText(page, selector, text) {
  const exact = new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s*$`);
  return page.locator(selector).filter({ hasText: exact }).first().waitFor();
}

/** Waits until an element of `selector` is visible. */
export function expectVisible(page, selector) {
  return page.locator(selector).first().waitFor();
}

const PATIENT_LIST = /\/api\/patients(\?|$)/;

/**
 * Runs `fn` with the page's patient list (GET /api/patients) cut off: what the page shows then came over the bridge.
 */
export async function viaBridgeOnly(page, fn) {
  await page.route(PATIENT_LIST, (route) => route.abort());
  try {
    await fn();
  } finally {
    await page.unroute(PATIENT_LIST);
  }
}

// Headless Debian chromium for the dashboard scenarios. Never a downloaded browser: playwright-core drives
// /usr/bin/chromium (installed by .ci/run). launch() gives every browser a fresh temporary profile and removes it.

import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** The longest a scenario waits for the page to show or do something. */
export const WAIT_MS = 10000;

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 30000 });
}

const bridgeLogs = new WeakMap(); // page -> the event-bus messages it sent (once they reached the server) and received

/**
 * SockJS frames the page sent (a JSON array of JSON-encoded event-bus messages), read into the messages; and those it
 * received over WebSocket (the same array after an `a`).
 */
function recordBridge(page) {
  const sent = [];
  const received = [];
  const record = (log, frame) => {
    try {
      for (const message of JSON.parse(frame)) log.push(JSON.parse(message));
    } catch {
      // not an event-bus frame
    }
  };
  page.on('websocket', (ws) => {
    ws.on('framesent', (frame) => record(sent, String(frame.payload)));
    ws.on('framereceived', (frame) => {
      const payload = String(frame.payload);
      if (payload.startsWith('a')) record(received, payload.slice(1));
    });
  });
  page.on('requestfinished', (request) => {
    if (/\/eventbus\/.+\/xhr_send/.test(request.url())) record(sent, request.postData() || '');
  });
  bridgeLogs.set(page, { sent, received });
}

/**
 * A page in a context of its own (own storage, as a second clinician's screen would be), opened at `url`. The page's
 * console warnings and errors go to this process's output, which DashboardBrowserTest shows when a scenario fails.
 */
export async function openPage(browser, url) {
  // the https scenario's node has the test certificate, from a CA this browser does not know
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ignoreHTTPSErrors: true });
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'warning' || msg.type() === 'error') console.log(`[page ${msg.type()}] ${msg.text()}`);
  });
  page.on('pageerror', (err) => console.log(`[page exception] ${err.message}`));
  recordBridge(page);
  await page.goto(url);
  return page;
}

/** Resolves once `check()` (sync or async) is true; throws `message()` when it is not within WAIT_MS. */
export async function until(check, message) {
  for (const deadline = Date.now() + WAIT_MS; !(await check());) {
    if (Date.now() > deadline) throw new Error(message());
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The event-bus messages `page` has sent so far (register, unregister, send, ...). */
export function sentOnBridge(page) {
  return [...bridgeLogs.get(page).sent];
}

/** The event-bus messages `page` has received over WebSocket so far (`rec` messages and replies). */
export function receivedOnBridge(page) {
  return [...bridgeLogs.get(page).received];
}

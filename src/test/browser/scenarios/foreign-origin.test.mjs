// f. A page from a foreign origin (another local port, not in http.allowedOrigins) cannot read the bridge: its
// SockJS info request, its xhr transport and a raw WebSocket all fail, and it gets no vitals while a device sends.
// The same probe run from the node's own origin does read them, so the probe itself is known to work.

import assert from 'node:assert/strict';
import http from 'node:http';
import { hello } from '../device.mjs';
import { VITALS, nodeUrl, ports, scenario } from '../harness.mjs';

/** Runs in the browser: tries the bridge three ways and reports what it could read. */
async function probeBridge({ port, address, listenMs }) {
  const base = `http://127.0.0.1:${port}/eventbus`;
  const result = { messages: [] };
  try {
    const res = await fetch(`${base}/info`, { mode: 'cors' });
    result.info = `read HTTP ${res.status}`;
  } catch (ex) {
    result.info = `failed: ${ex.message}`;
  }
  result.xhr = await new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${base}/000/probe${Date.now()}/xhr`);
    xhr.onload = () => resolve(`read HTTP ${xhr.status}`);
    xhr.onerror = () => resolve('failed');
    xhr.send();
  });
  await new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/eventbus/websocket`);
    ws.binaryType = 'arraybuffer';
    const timer = setTimeout(() => { ws.close(); resolve(); }, listenMs);
    ws.onopen = () => {
      result.wsOpened = true;
      ws.send(JSON.stringify({ type: 'register', address }));
    };
    ws.onmessage = (m) => result.messages.push(new TextDecoder().decode(m.data));
    ws.onclose = (e) => {
      result.wsClosed = e.code;
      clearTimeout(timer);
      resolve();
    };
  });
  return result;
}

/** Serves the probe page on a free port that is none of the allowed origins' (the proxy's is free, and allowed). */
async function serveForeignPage(t, probe) {
  for (;;) {
    const server = http.createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!DOCTYPE html><title>foreign</title>'
        + `<script>window.probe = (${probeBridge})(${JSON.stringify(probe)});</script>`);
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    t.cleanup(() => new Promise((resolve) => server.close(resolve)));
    const { port } = server.address();
    if (port !== ports.proxy && port !== ports.http) return `http://127.0.0.1:${port}`;
  }
}

scenario('a page from a foreign origin gets nothing from the bridge', async (t) => {
  const device = await t.device();
  await device.send(hello({ device: 'D1', patient: 'P1', bed: 1, ward: 'icu' }, 'Pulse=80|Seq=1'));
  let sending = true;
  const frames = (async () => {
    for (let seq = 2; sending; seq++) {
      await device.send(`Pulse=${80 + (seq % 5)}|Seq=${seq}\n`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  t.cleanup(async () => {
    sending = false;
    await frames;
  });
  const probe = { port: ports.http, address: VITALS, listenMs: 3000 };

  const foreign = await t.open(await serveForeignPage(t, probe), '/');
  const refused = await foreign.evaluate(() => window.probe);
  assert.match(refused.info, /^failed/, JSON.stringify(refused));
  assert.equal(refused.xhr, 'failed', JSON.stringify(refused));
  assert.equal(refused.wsOpened, undefined, JSON.stringify(refused));
  assert.deepEqual(refused.messages, []);

  const own = await t.open(nodeUrl, '/health');
  const allowed = await own.evaluate(probeBridge, probe);
  assert.equal(allowed.info, 'read HTTP 200', JSON.stringify(allowed));
  assert.equal(allowed.xhr, 'read HTTP 200', JSON.stringify(allowed));
  assert.ok(allowed.messages.some((m) => m.includes(VITALS) && m.includes('"P1"')), JSON.stringify(allowed));
});

// d. Reconnect over WebSocket: the server side drops the page, which reconnects and resyncs.

import { dropAndResync } from '../outage.mjs';
import { scenario } from '../harness.mjs';

scenario('a dropped WebSocket link is shown, reconnects, and the alarm raised meanwhile appears', (t) =>
  dropAndResync(t, { blockWebSocket: false, transport: /^via websocket$/ }));

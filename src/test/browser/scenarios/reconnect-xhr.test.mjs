// e. The same as d with WebSocket blocked on the way (as some hospital proxies do): SockJS falls back to
// xhr-streaming or xhr-polling, live updates arrive, and drop, reconnect and resync work.

import { dropAndResync } from '../outage.mjs';
import { scenario } from '../harness.mjs';

scenario('without WebSocket the page runs over xhr, reconnects, and the alarm raised meanwhile appears', (t) =>
  dropAndResync(t, { blockWebSocket: true, transport: /^via xhr-(streaming|polling)$/ }));

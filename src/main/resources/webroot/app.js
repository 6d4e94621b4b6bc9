// WardWatch live dashboard: loads the patient list, subscribes to each ward's vitals and alarms over the
// SockJS event-bus bridge, and keeps the tiles and the link indicator current. Browsers only receive.

import { Store, WARD_RE } from './js/model.js';
import { View } from './js/view.js';

const PATIENTS_URL = '/api/patients';
const BRIDGE_URL = '/eventbus';
const REFRESH_MS = 10000;
const FETCH_TIMEOUT_MS = 8000;

const store = new Store();
const view = new View(store);

// Optional ?ward=a,b limits the screen to those wards (a ward screen); without it every ward is shown.
const wardFilter = (() => {
  const raw = new URLSearchParams(location.search).get('ward');
  if (!raw) return null;
  const set = new Set(raw.split(',').map((w) => w.trim()).filter((w) => WARD_RE.test(w)));
  return set.size ? set : null;
})();

let eb = null;
let everOpen = false;
const subscribed = new Set(); // wards registered on the current bridge connection

function shown(ward) {
  return !wardFilter || wardFilter.has(String(ward));
}

function onSnapshot(snap, live) {
  if (!snap || typeof snap !== 'object' || !shown(snap.ward)) return;
  const r = store.applySnapshot(snap, live);
  if (r && r.accepted) {
    view.render(r);
    subscribe(r.entry.ward);
  }
}

function onAlarm(evt) {
  if (!evt || typeof evt !== 'object' || !shown(evt.ward)) return;
  const r = store.applyAlarm(evt);
  if (r && r.accepted) {
    view.render(r);
    subscribe(r.entry.ward);
  }
}

function handler(kind, ward) {
  return (err, msg) => {
    if (err) {
      console.warn(`WardWatch: bridge refused ${kind} of ward ${ward}`, err);
      return;
    }
    if (kind === 'vitals') onSnapshot(msg.body, true);
    else onAlarm(msg.body);
  };
}

/** Registers the ward's two addresses on the current connection, once per connection. */
function subscribe(ward) {
  if (!eb || eb.state !== EventBus.OPEN || subscribed.has(ward) || !WARD_RE.test(ward)) return;
  try {
    eb.registerHandler(`wardwatch.ward.${ward}.vitals`, handler('vitals', ward));
    eb.registerHandler(`wardwatch.ward.${ward}.alarms`, handler('alarms', ward));
    subscribed.add(ward);
  } catch (ex) {
    console.warn('WardWatch: could not subscribe to ward', ward, ex);
  }
}

function subscribeAll() {
  for (const ward of store.wards()) subscribe(ward);
  if (wardFilter) for (const ward of wardFilter) subscribe(ward);
}

let inFlight = null;

/** GET /api/patients: discovers wards and patients and resyncs whatever a closed link missed. */
function refresh() {
  if (inFlight) return inFlight;
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), FETCH_TIMEOUT_MS);
  inFlight = fetch(PATIENTS_URL, { cache: 'no-store', headers: { Accept: 'application/json' }, signal: ctl.signal })
    .then((res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json();
    })
    .then((list) => {
      if (!Array.isArray(list)) throw new Error('not a JSON array');
      for (const snap of list) onSnapshot(snap, false);
      subscribeAll();
      view.setSync(`Patient list synced ${new Date().toLocaleTimeString([], { hour12: false })}`, true);
    })
    .catch((ex) => {
      console.warn('WardWatch: patient list fetch failed', ex);
      view.setSync(`Patient list unavailable (${ex.name === 'AbortError' ? 'timeout' : ex.message})`, false);
    })
    .finally(() => {
      clearTimeout(timer);
      inFlight = null;
    });
  return inFlight;
}

function transport() {
  return eb && eb.sockJSConn && eb.sockJSConn.transport ? String(eb.sockJSConn.transport) : '';
}

function showLink(open, pill, banner) {
  view.setLink(open, pill, open ? transport() : '', banner);
}

function connect() {
  if (typeof EventBus !== 'function') {
    showLink(false, 'No live feed', 'No live connection (event-bus client failed to load) \u2014 data may be stale');
    return;
  }
  showLink(false, 'Connecting\u2026', 'Connecting\u2026');
  eb = new EventBus(BRIDGE_URL);
  eb.enableReconnect(true);
  // The client forgets every handler when its socket closes: register again on every (re)connect.
  eb.onopen = () => {
    everOpen = true;
    subscribed.clear();
    showLink(true, 'Live', '');
    subscribeAll();
    refresh();
  };
  eb.onclose = () => {
    subscribed.clear();
    if (everOpen) showLink(false, 'Connection lost', 'Connection lost \u2014 data may be stale. Reconnecting\u2026');
    else showLink(false, 'Connecting\u2026', 'Cannot reach the live feed \u2014 data may be stale. Retrying\u2026');
  };
}

view.tick();
connect();
refresh();
setInterval(refresh, REFRESH_MS);
setInterval(() => view.tick(), 1000);

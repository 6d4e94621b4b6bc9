// WardWatch live dashboard: loads the patient list, subscribes to each ward's vitals, alarm transitions and
// escalations over the SockJS event-bus bridge, and keeps the tiles and the link indicator current. A signed-in user's
// actions (acknowledge, pause audio, assess) go back by request-reply to the ward's actions address (js/actions.js).

import { Store, WARD_RE } from './js/model.js';
import { View } from './js/view.js';
import { Actions } from './js/actions.js';

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
const actions = new Actions(store, () => eb, (patient, text, ok) => view.report(patient, text, ok));
view.assess = (patient) => actions.assessForm(patient);
view.buttonsChanged = (tile) => actions.refresh(tile);
const subscribed = new Set(); // wards registered on the current bridge connection

function shown(ward) {
  return !wardFilter || wardFilter.has(String(ward));
}

function onSnapshot(snap, live, fetchedAt = null) {
  if (!snap || typeof snap !== 'object' || !shown(snap.ward)) return;
  const r = store.applySnapshot(snap, live, fetchedAt);
  if (r && r.accepted) {
    view.render(r);
    subscribe(r.entry.ward);
  }
}

function onTransition(tr) {
  if (!tr || typeof tr !== 'object' || !shown(tr.ward || (tr.alarm && tr.alarm.ward))) return;
  const r = store.applyTransition(tr);
  if (r && r.accepted) {
    view.render(r);
    subscribe(r.entry.ward);
  }
}

/** ESCALATED transitions, also on the ward's alarms address (which updates the alarm): here only the notice. */
function onEscalation(tr) {
  if (!tr || typeof tr !== 'object' || !shown(tr.ward || (tr.alarm && tr.alarm.ward))) return;
  view.notices.escalated(tr);
}

function handler(kind, ward) {
  return (err, msg) => {
    if (err) {
      console.warn(`WardWatch: bridge refused ${kind} of ward ${ward}`, err);
      return;
    }
    if (kind === 'vitals') onSnapshot(msg.body, true);
    else if (kind === 'alarms') onTransition(msg.body);
    else onEscalation(msg.body);
  };
}

/** Registers the ward's three addresses on the current connection, once per connection. */
function subscribe(ward) {
  if (!eb || eb.state !== EventBus.OPEN || subscribed.has(ward) || !WARD_RE.test(ward)) return;
  try {
    eb.registerHandler(`wardwatch.ward.${ward}.vitals`, handler('vitals', ward));
    eb.registerHandler(`wardwatch.ward.${ward}.alarms`, handler('alarms', ward));
    eb.registerHandler(`wardwatch.ward.${ward}.escalations`, handler('escalations', ward));
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
  const fetchedAt = performance.now(); // a transition received after this may be newer than the list
  inFlight = fetch(PATIENTS_URL, { cache: 'no-store', headers: { Accept: 'application/json' }, signal: ctl.signal })
    .then((res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json();
    })
    .then((list) => {
      if (!Array.isArray(list)) throw new Error('not a JSON array');
      for (const snap of list) onSnapshot(snap, false, fetchedAt);
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
  actions.refresh();
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
  // A refused send (access_denied) comes back as an "err" frame on the actions address, not to the reply handler.
  eb.onerror = (err) => {
    console.warn('WardWatch: bridge error', err);
    actions.bridgeError(err);
  };
  eb.onclose = () => {
    subscribed.clear();
    actions.connectionLost();
    if (everOpen) showLink(false, 'Connection lost', 'Connection lost \u2014 data may be stale. Reconnecting\u2026');
    else showLink(false, 'Connecting\u2026', 'Cannot reach the live feed \u2014 data may be stale. Retrying\u2026');
  };
}

view.tick();
connect();
refresh();
setInterval(refresh, REFRESH_MS);
setInterval(() => view.tick(), 1000);

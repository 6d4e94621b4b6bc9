// WardWatch live dashboard for one ward at a time: loads the ward's patients over REST, subscribes to the ward's
// vitals, alarm transitions and escalations over the SockJS event-bus bridge (and to nothing else), and keeps the
// tiles, the alarm list, the alarm sound, the patient view and the link indicator current. After every (re)connect,
// and whenever a patient's sequence numbers show a missed update, it resyncs from the REST snapshot. A signed-in
// user's actions (acknowledge, pause audio, assess, stop measuring, discharge) go back by request-reply to the ward's
// actions address.

import { loudestAsking } from './js/alarmstate.js';
import { Store } from './js/model.js';
import { View } from './js/view.js';
import { Actions } from './js/actions.js';
import { WardAlarmList } from './js/alarmlist.js';
import { AlarmSound } from './js/sound.js';
import { WardPicker, wardInAddress } from './js/wards.js';
import { PatientView } from './js/trends.js';
import { LinkProbe } from './js/linkprobe.js';
import { Departures, departureText } from './js/departures.js';

const BRIDGE_URL = '/eventbus';
const REFRESH_MS = 10000;
const FETCH_TIMEOUT_MS = 8000;
const SYNC_TIMEOUT_MS = 3000;
/** How long the live feed may be lost before the page sounds its link alarm (the banner shows at once). */
const LINK_ALARM_MS = 10000;
const KINDS = ['vitals', 'alarms', 'escalations'];

const store = new Store();
const view = new View(store);
const alarmPanel = document.getElementById('alarm-list');
const alarmList = new WardAlarmList(alarmPanel);
const sound = new AlarmSound(document.getElementById('sound-toggle'), document.getElementById('sound-warning'),
  document.getElementById('sound-toggle'));
const patientView = new PatientView(document.getElementById('patient-view'));
const linkState = document.getElementById('link-state');
const picker = new WardPicker(document.getElementById('ward-picker'), (w) => show(w));
const probe = new LinkProbe(() => eb);

let ward = null; // the ward on screen
let eb = null;
let everOpen = false;
let linkLostAt = performance.now(); // performance.now() since when the page has had no live feed; null while it has
let registered = null; // {ward, handlers: [[address, fn]]} on the current bridge connection
const departures = new Departures();
const actions = new Actions(store, () => eb, (patient, text, ok) => view.report(patient, text, ok));
view.assess = (patient) => actions.assessForm(patient);
view.stopMeasure = (patient) => actions.stopMeasureForm(patient);
view.discharge = (patient) => actions.dischargeForm(patient);
view.buttonsChanged = (tile) => {
  actions.refresh(tile);
  actions.refreshDischargeNotes(tile); // its alarms changed
};

/**
 * What sounds: the most urgent alarm asking to be heard, or, while the live feed has been lost for LINK_ALARM_MS
 * (no new alarm can reach the page), the link's own pattern, unless a HIGH alarm already sounds.
 */
function wantedSound(serverNow) {
  const alarm = loudestAsking(store.entries.values(), serverNow);
  const linkLost = linkLostAt !== null && performance.now() - linkLostAt >= LINK_ALARM_MS;
  return linkLost && alarm !== 'HIGH' ? 'LINK' : alarm;
}

/** Alarm list and sound follow the store; called after every change and once a second (pauses run out). */
function alarmsChanged() {
  const serverNow = Date.now() - store.skew;
  if (alarmList.render(store, serverNow)) actions.refresh(alarmPanel);
  picker.count(store);
  sound.want(wantedSound(serverNow));
}

function onSnapshot(snap, live, fetchedAt = null) {
  if (!snap || typeof snap !== 'object' || String(snap.ward) !== ward) return;
  const key = String(snap.patient);
  if (snap.discharged === true || (snap.movedTo && typeof snap.movedTo === 'object')) {
    onLeft(key, snap);
    return;
  }
  if (departures.predates(key, snap.updated, live ? null : fetchedAt, snap.seq)) return;
  const r = store.applySnapshot(snap, live, fetchedAt);
  if (!r || !r.accepted) return;
  view.render(r);
  if (live) patientView.snapshot(snap, r.gap);
  alarmsChanged();
  if (r.gap) refresh(); // an update of this patient never arrived: the REST snapshot has everything
}

/**
 * The patient left the ward, discharged or moved to another (where their alarms went with them): their tile, their
 * alarms and their open trend view go, and the screen says where.
 */
function onLeft(key, notice) {
  departures.note(key, notice);
  const e = store.entry(key);
  store.forget(key);
  view.remove([key]);
  if (patientView.patient === key) patientView.dialog.close();
  view.notices.show(departureText(key, e ? e.bed : null, notice));
  alarmsChanged();
  refreshWards(); // its counts, now, rather than at the next poll
}

function onTransition(tr) {
  if (!tr || typeof tr !== 'object' || String(tr.ward || (tr.alarm && tr.alarm.ward)) !== ward) return;
  if (departures.predates(String(tr.patient), tr.at, null)) return; // published late, after the patient left

  const r = store.applyTransition(tr);
  if (!r || !r.accepted) return;
  view.render(r);
  patientView.transition(tr);
  alarmsChanged();
  if (tr.type === 'REMINDER') { // an acknowledged alarm that persists: seen and heard again, once
    view.notices.reminded(tr);
    sound.remind(tr.priority);
  }
}

function handler(kind) {
  return (err, msg) => {
    if (err) console.warn(`WardWatch: bridge refused ${kind} of ward ${ward}`, err);
    else if (kind === 'vitals') onSnapshot(msg.body, true);
    else if (kind === 'alarms') onTransition(msg.body);
    else if (msg.body && typeof msg.body === 'object') view.notices.escalated(msg.body);
  };
}

/** Registers the shown ward's three addresses on the current connection (the client forgets them on close). */
function subscribe() {
  if (!eb || eb.state !== EventBus.OPEN || !ward || (registered && registered.ward === ward)) return;
  unsubscribe();
  registered = { ward, handlers: KINDS.map((kind) => [`wardwatch.ward.${ward}.${kind}`, handler(kind)]) };
  for (const [address, fn] of registered.handlers) eb.registerHandler(address, fn);
}

function unsubscribe() {
  linkState.removeAttribute('data-subscribed');
  if (registered && eb && eb.state === EventBus.OPEN) {
    for (const [address, fn] of registered.handlers) eb.unregisterHandler(address, fn);
  }
  registered = null;
}

let inFlight = null;
let again = false; // asked for while a request was in flight: that one may predate what the caller knows

/** GET /api/patients?ward=: the ward's patients, replacing whatever a closed link or a gap missed. */
function refresh() {
  if (inFlight) again = true;
  if (inFlight || !ward) return inFlight;
  const asked = ward;
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), FETCH_TIMEOUT_MS);
  const fetchedAt = performance.now(); // a live message received after this may be newer than the list
  inFlight = fetch(`/api/patients?ward=${encodeURIComponent(asked)}`,
    { cache: 'no-store', headers: { Accept: 'application/json' }, signal: ctl.signal })
    .then((res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json();
    })
    .then((list) => {
      if (!Array.isArray(list)) throw new Error('not a JSON array');
      if (asked !== ward) return;
      for (const snap of list) onSnapshot(snap, false, fetchedAt);
      view.remove(store.retain(new Set(list.map((s) => String(s.patient))), fetchedAt));
      alarmsChanged();
      view.setSync(`Synced ${new Date().toLocaleTimeString([], { hour12: false })}`, true);
    })
    .catch((ex) => {
      console.warn('WardWatch: patient list fetch failed', ex);
      view.setSync(`Patient list unavailable (${ex.name === 'AbortError' ? 'timeout' : ex.message})`, false);
    })
    .finally(() => {
      clearTimeout(timer);
      inFlight = null;
      if (again) {
        again = false;
        refresh();
      }
    });
  return inFlight;
}

/**
 * Refreshes once the server holds the ward's registrations, so nothing published between the snapshot and the
 * registration is missed. The bridge handles a connection's frames in order: any answer to a "sync" sent after the
 * registrations (an error too) comes after they are in place.
 */
function refreshWhenRegistered() {
  const asked = ward;
  let done = false;
  const go = (confirmed) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    if (asked !== ward) return;
    linkState.setAttribute('data-subscribed', asked); // the server holds this ward's registrations
    patientView.setLink(confirmed && eb.state === EventBus.OPEN); // live only once the server said so, still open
    refresh();
  };
  const timer = setTimeout(() => go(false), SYNC_TIMEOUT_MS);
  try {
    eb.send(`wardwatch.ward.${asked}.actions`, { action: 'sync' }, () => go(true));
  } catch {
    go(false); // closed meanwhile: onopen syncs again
  }
}

/** Puts `next` on screen: forgets the old ward, subscribes to the new one only, and loads it. */
function show(next) {
  if (next === ward) return;
  unsubscribe();
  ward = next;
  store.clear();
  departures.clear();
  view.clear();
  if (patientView.dialog.open) patientView.dialog.close();
  picker.show(ward);
  alarmsChanged();
  subscribe();
  if (registered) refreshWhenRegistered();
  else refresh(); // not connected: the snapshot now, and again on open
}

/** Refreshes the ward list; with no ward in the address, shows the first ward once there is one. */
function refreshWards() {
  picker.refresh()
    .then((wards) => {
      if (!ward && wards.length) show(wards[0]);
      view.setWardKnown(ward, wards);
    })
    .catch((ex) => console.warn('WardWatch: ward list fetch failed', ex));
}

function showLink(open, pill, banner) {
  const sockJs = open && eb && eb.sockJSConn;
  view.setLink(open, pill, sockJs && sockJs.transport ? String(sockJs.transport) : '', banner);
  actions.refresh();
}

function connect() {
  if (typeof EventBus !== 'function') {
    showLink(false, 'No live feed', 'No live connection (event-bus client failed to load) \u2014 data may be stale');
    return;
  }
  showLink(false, 'Connecting\u2026', 'Connecting\u2026');
  eb = new EventBus(BRIDGE_URL);
  eb.enableReconnect(true); // backoff from 1 s, doubling, up to 5 s between attempts
  eb.onopen = () => {
    everOpen = true;
    linkLostAt = null;
    registered = null;
    probe.start();
    showLink(true, 'Live', '');
    subscribe();
    if (registered) refreshWhenRegistered();
  };
  // A refused send (access_denied) comes back as an "err" frame naming no address, which no request can be matched to:
  // its request fails at its own timeout.
  eb.onerror = (err) => console.warn('WardWatch: bridge error', err);
  eb.onclose = () => {
    probe.stop();
    registered = null;
    if (linkLostAt === null) linkLostAt = performance.now();
    linkState.removeAttribute('data-subscribed');
    patientView.setLink(false);
    actions.connectionLost();
    if (everOpen) showLink(false, 'Connection lost', 'Connection lost \u2014 data may be stale. Reconnecting\u2026');
    else showLink(false, 'Connecting\u2026', 'Cannot reach the live feed \u2014 data may be stale. Retrying\u2026');
  };
}

document.body.addEventListener('click', (ev) => {
  const b = ev.target.closest('button[data-trends]');
  const e = b && store.entry(b.getAttribute('data-trends'));
  if (e) patientView.open(e);
});

view.tick();
connect();
if (wardInAddress()) show(wardInAddress());
refreshWards();
setInterval(refresh, REFRESH_MS);
setInterval(refreshWards, REFRESH_MS);
setInterval(() => {
  view.tick();
  alarmsChanged();
}, 1000);

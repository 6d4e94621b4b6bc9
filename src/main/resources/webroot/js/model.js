// WardWatch dashboard: client-side state. No DOM here, so it can be exercised outside a browser.

/** Ward ids are safe inside an event-bus address only when they match this (same as the server). */
export const WARD_RE = /^[A-Za-z0-9_-]{1,32}$/;

/** Data older than this (ms) is shown as stale. */
export const STALE_MS = 15000;

/** Display order and labels of the vital signs on a tile; unit maps UCUM to what a nurse reads. */
export const PARAMS = {
  PULSE: { label: 'HR', name: 'Pulse', unit: '/min', decimals: 0 },
  SPO2: { label: 'SpO\u2082', name: 'SpO2', unit: '%', decimals: 0 },
  BP_SYSTOLIC: { label: 'BP', name: 'Systolic BP', unit: 'mmHg', decimals: 0 },
  BP_DIASTOLIC: { label: 'BP', name: 'Diastolic BP', unit: 'mmHg', decimals: 0 },
  RESP_RATE: { label: 'RR', name: 'Resp. rate', unit: '/min', decimals: 0 },
  TEMPERATURE: { label: 'Temp', name: 'Temperature', unit: '\u00b0C', decimals: 1 },
};

export const PRIORITY_RANK = { HIGH: 3, MEDIUM: 2, LOW: 1 };

export function priorityRank(p) {
  return PRIORITY_RANK[p] || 0;
}

function str(v) {
  return v === null || v === undefined ? null : String(v);
}

function timeOf(iso) {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
}

function seqOf(v) {
  return typeof v === 'number' && Number.isFinite(v) ? v : -1;
}

/** Orders tiles by bed (numeric when numeric, beds before "no bed"), then by patient key. */
export function compareEntries(a, b) {
  const ba = a.bed;
  const bb = b.bed;
  if (ba !== bb) {
    if (ba === null) return 1;
    if (bb === null) return -1;
    const na = /^\d+$/.test(ba);
    const nb = /^\d+$/.test(bb);
    if (na && nb && Number(ba) !== Number(bb)) return Number(ba) - Number(bb);
    if (na !== nb) return na ? -1 : 1;
    const c = ba.localeCompare(bb, undefined, { numeric: true });
    if (c !== 0) return c;
  }
  return a.patient.localeCompare(b.patient, undefined, { numeric: true });
}

/** Active alarms of an entry, highest priority first, then the oldest raised first. */
export function sortedAlarms(entry) {
  return [...entry.alarms.values()].sort((x, y) =>
    priorityRank(y.priority) - priorityRank(x.priority)
    || String(x.raisedAt || '').localeCompare(String(y.raisedAt || ''))
    || String(x.id).localeCompare(String(y.id)));
}

/** Highest active priority of an entry, or null. */
export function topPriority(entry) {
  let best = null;
  for (const a of entry.alarms.values()) {
    if (priorityRank(a.priority) > priorityRank(best)) best = a.priority;
  }
  return best;
}

/** Map parameter → highest priority of the alarms on it. */
export function alarmedParams(entry) {
  const out = new Map();
  for (const a of entry.alarms.values()) {
    if (priorityRank(a.priority) > priorityRank(out.get(a.parameter))) out.set(a.parameter, a.priority);
  }
  return out;
}

/** "3 s ago", "4 min ago", "2 h ago"; null age → "no data". */
export function formatAge(ms) {
  if (ms === null) return 'no data';
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} d ago`;
}

export function formatValue(param, v) {
  if (!v || typeof v.value !== 'number' || !Number.isFinite(v.value)) return '--';
  const d = PARAMS[param] ? PARAMS[param].decimals : 1;
  return v.value.toFixed(d);
}

/**
 * All patients the page knows, keyed by patient key. An entry holds the last accepted snapshot's fields,
 * its active alarms by id, and bookkeeping. Every apply* method returns what changed, for the view.
 */
export class Store {
  constructor() {
    this.entries = new Map();
    // Browser clock minus server clock, estimated from live messages (min over recent samples ≈ skew + 0 latency).
    this.skewSamples = [];
    this.skew = 0;
  }

  entry(key) {
    return this.entries.get(key);
  }

  wards() {
    const set = new Set();
    for (const e of this.entries.values()) set.add(e.ward);
    return [...set].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  }

  _create(key, src) {
    const e = {
      patient: key, device: str(src.device), bed: str(src.bed), ward: str(src.ward) || '(no ward)',
      seq: -1, updated: null, vitals: {}, alarms: new Map(),
    };
    this.entries.set(key, e);
    return e;
  }

  _place(e, src) {
    const before = { ward: e.ward, bed: e.bed };
    if (src.ward) e.ward = String(src.ward);
    if (src.bed !== undefined) e.bed = str(src.bed);
    if (src.device) e.device = String(src.device);
    return { moved: before.ward !== e.ward, resorted: before.bed !== e.bed, oldWard: before.ward };
  }

  /**
   * Applies a patient snapshot (REST or vitals message). Ignored when its seq is lower than the one held,
   * unless its "updated" time is newer (the server restarted or the patient moved node and the counter began again).
   * `live` marks a message just published, used to estimate the clock skew.
   */
  applySnapshot(snap, live) {
    if (!snap || typeof snap !== 'object' || snap.patient === null || snap.patient === undefined) return null;
    const key = String(snap.patient);
    let e = this.entries.get(key);
    const created = !e;
    if (!e) e = this._create(key, snap);
    const seq = seqOf(snap.seq);
    const updated = timeOf(snap.updated);
    if (!created && seq < e.seq && !(updated !== null && e.updated !== null && updated > e.updated)) {
      return { entry: e, created: false, accepted: false };
    }
    if (live && updated !== null) this._sampleSkew(Date.now() - updated);
    const place = this._place(e, snap);
    e.seq = seq;
    e.updated = updated;
    e.vitals = snap.vitals && typeof snap.vitals === 'object' ? snap.vitals : {};
    e.alarms = new Map();
    if (Array.isArray(snap.alarms)) {
      for (const a of snap.alarms) {
        if (a && a.id !== undefined && a.state !== 'CLEARED') e.alarms.set(String(a.id), a);
      }
    }
    return { entry: e, created, accepted: true, ...place };
  }

  /** Applies an alarm event: CLEARED removes the id, ACTIVE adds or updates it. */
  applyAlarm(evt) {
    if (!evt || typeof evt !== 'object' || evt.patient === null || evt.patient === undefined || evt.id === undefined) {
      return null;
    }
    const key = String(evt.patient);
    let e = this.entries.get(key);
    const created = !e;
    if (!e && evt.state === 'CLEARED') return null; // nothing to clear on a patient never seen
    if (!e) e = this._create(key, evt);
    const place = this._place(e, evt);
    const id = String(evt.id);
    if (evt.state === 'CLEARED') e.alarms.delete(id);
    else e.alarms.set(id, evt);
    return { entry: e, created, accepted: true, ...place };
  }

  _sampleSkew(sample) {
    this.skewSamples.push(sample);
    if (this.skewSamples.length > 50) this.skewSamples.shift();
    this.skew = Math.min(...this.skewSamples);
  }

  /** Age of an entry's data in ms on the server's clock, or null when it has none. */
  ageOf(e, now = Date.now()) {
    return e.updated === null ? null : Math.max(0, now - this.skew - e.updated);
  }
}

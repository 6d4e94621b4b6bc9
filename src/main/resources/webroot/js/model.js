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
  BP_MEAN: { label: 'BP', name: 'Mean BP', unit: 'mmHg', decimals: 0 },
  ART_SYSTOLIC: { label: 'ABP', name: 'ABP systolic', unit: 'mmHg', decimals: 0 },
  ART_DIASTOLIC: { label: 'ABP', name: 'ABP diastolic', unit: 'mmHg', decimals: 0 },
  ART_MEAN: { label: 'ABP', name: 'ABP mean', unit: 'mmHg', decimals: 0 },
  RESP_RATE: { label: 'RR', name: 'Resp. rate', unit: '/min', decimals: 0 },
  TEMPERATURE: { label: 'Temp', name: 'Temperature', unit: '\u00b0C', decimals: 1 },
};

/** Short names of the NEWS2 components, as a "missing: ..." list reads them. */
export const NEWS2_LABELS = {
  RESP_RATE: 'RR', SPO2: 'SpO\u2082', AIR_OR_OXYGEN: 'Air/O\u2082', BP_SYSTOLIC: 'BP', PULSE: 'HR',
  CONSCIOUSNESS: 'ACVPU', TEMPERATURE: 'Temp',
};

function str(v) {
  return v === null || v === undefined ? null : String(v);
}

/** An ISO-8601 instant as epoch ms, or null when it is not one. */
export function timeOf(iso) {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
}

/**
 * When each of `vitals` (by parameter) reached the server, as far as the page can tell (epoch ms, server clock; null
 * for a value without a time): the time it was measured, but no later than when it was received (its `received`,
 * which the server gives when it came before the change the snapshot shows, else the snapshot's `updated`), since a
 * device's clock may run up to a minute ahead and its values must not look live that long after they came. A value
 * shown before without `received` (the same time, in `before`) keeps what it had (`beforeAt`).
 */
function arrivals(vitals, updated, before, beforeAt) {
  const at = {};
  for (const [p, v] of Object.entries(vitals)) {
    const measured = v && typeof v === 'object' ? timeOf(v.time) : null;
    const received = v && typeof v === 'object' ? timeOf(v.received) : null;
    const old = before[p];
    const seen = old && typeof old === 'object' && timeOf(old.time) === measured && beforeAt[p] !== undefined;
    const came = received ?? updated;
    if (seen && received === null) at[p] = beforeAt[p];
    else at[p] = measured !== null && came !== null ? Math.min(measured, came) : measured;
  }
  return at;
}

/** The latest of `times` (by parameter), or null when none. */
function latest(times) {
  let newest = null;
  for (const at of Object.values(times)) {
    if (at !== null && (newest === null || at > newest)) newest = at;
  }
  return newest;
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

function objOrNull(v) {
  return v && typeof v === 'object' && !Array.isArray(v) ? v : null;
}

/**
 * All patients the page knows, keyed by patient key. An entry holds the last accepted snapshot's fields, its live
 * physiological (`alarms`) and technical (`technical`) alarms by id, and bookkeeping. Every apply* method returns
 * what changed, for the view.
 */
export class Store {
  constructor() {
    this.entries = new Map();
    // Browser clock minus server clock, estimated from live messages (min over recent samples ≈ skew + 0 latency);
    // 0 until the first, as the REST answers carry no server time (no Date header, no field) to estimate it from.
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
      seq: -1, updated: null, dataAt: null, vitals: {}, arrivedAt: {}, alarms: new Map(), technical: new Map(),
      news2: null, news2Applies: true, consciousness: null, oxygen: null,
      touched: -Infinity, // performance.now() of the last alarm transition applied
      seenLive: -Infinity, // performance.now() of the last live snapshot applied
      ended: new Set(), // ids of alarms a transition cleared: later transitions on them (but RAISED) are late
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
   * `live` marks a message just published, used to estimate the clock skew. A REST snapshot (`live` false) whose
   * request began (`fetchedAt`, performance.now()) before the patient's last alarm transition arrived may predate
   * that transition: its alarm lists are then ignored, the live transitions being newer.
   */
  applySnapshot(snap, live, fetchedAt = null) {
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
    // Sequence numbers rise by one per change, and a snapshot shows those from its fromSeq (several when a batch of
    // frames is shown at once): a live one that starts past the next means this page missed updates of the patient.
    const gap = live && !created && e.seq >= 0 && seqOf(snap.fromSeq ?? snap.seq) > e.seq + 1;
    const place = this._place(e, snap);
    e.seq = seq;
    e.updated = updated;
    if (live) e.seenLive = performance.now();
    const vitals = objOrNull(snap.vitals) || {};
    e.arrivedAt = arrivals(vitals, updated, e.vitals, e.arrivedAt);
    e.vitals = vitals;
    e.dataAt = latest(e.arrivedAt);
    e.news2 = objOrNull(snap.news2);
    e.news2Applies = snap.news2Applies !== false;
    e.consciousness = objOrNull(snap.consciousness);
    e.oxygen = objOrNull(snap.oxygen);
    if (live || fetchedAt === null || e.touched < fetchedAt) {
      e.alarms = new Map();
      e.technical = new Map();
      const add = (list, fallback) => {
        if (!Array.isArray(list)) return;
        for (const a of list) {
          if (!a || typeof a !== 'object' || a.id === undefined || a.id === null || a.state === 'CLEARED') continue;
          this._mapFor(e, a, fallback).set(String(a.id), a);
          e.ended.delete(String(a.id));
        }
      };
      add(snap.alarms, 'PHYSIOLOGICAL');
      add(snap.technicalAlarms, 'TECHNICAL');
    }
    return { entry: e, created, accepted: true, gap, ...place };
  }

  /** Forgets every patient (the page switched ward). */
  clear() {
    this.entries.clear();
  }

  /** Forgets one patient (discharged). */
  forget(key) {
    this.entries.delete(key);
  }

  /**
   * Forgets the patients a REST list (`keys`) no longer holds, unless something live arrived for them after the
   * request began (`fetchedAt`, performance.now()). Returns the keys forgotten.
   */
  retain(keys, fetchedAt) {
    const gone = [];
    for (const [key, e] of this.entries) {
      if (!keys.has(key) && e.touched < fetchedAt && e.seenLive < fetchedAt) gone.push(key);
    }
    for (const key of gone) this.entries.delete(key);
    return gone;
  }

  /** The map an alarm belongs in: by its kind, else by the list it came in. */
  _mapFor(e, a, fallback) {
    const kind = a.kind === 'TECHNICAL' || a.kind === 'PHYSIOLOGICAL' ? a.kind : fallback;
    return kind === 'TECHNICAL' ? e.technical : e.alarms;
  }

  /**
   * Applies an alarm transition: upserts its `alarm` (the alarm after the transition) by id, or removes it once
   * CLEARED. The alarm's bed and ward place only a patient seen for the first time (they may predate a move).
   */
  applyTransition(tr) {
    const a = tr && typeof tr === 'object' ? objOrNull(tr.alarm) : null;
    if (!a || a.id === undefined || a.id === null) return null;
    const patient = tr.patient !== undefined && tr.patient !== null ? tr.patient : a.patient;
    if (patient === undefined || patient === null) return null;
    const key = String(patient);
    const id = String(a.id);
    const cleared = a.state === 'CLEARED';
    let e = this.entries.get(key);
    const created = !e;
    if (!e && cleared) return null; // nothing to clear on a patient never seen
    if (e && !cleared && tr.type !== 'RAISED' && e.ended.has(id)) return { entry: e, created, accepted: false };
    const place = e ? {} : null;
    if (!e) e = this._create(key, { ward: tr.ward || a.ward, bed: a.bed, device: a.device });
    e.alarms.delete(id);
    e.technical.delete(id);
    if (cleared) {
      e.ended.add(id);
      if (e.ended.size > 100) e.ended.delete(e.ended.values().next().value);
    } else {
      e.ended.delete(id);
      this._mapFor(e, a, 'PHYSIOLOGICAL').set(id, a);
    }
    e.touched = performance.now();
    return { entry: e, created, accepted: true, ...place };
  }

  _sampleSkew(sample) {
    this.skewSamples.push(sample);
    if (this.skewSamples.length > 50) this.skewSamples.shift();
    this.skew = Math.min(...this.skewSamples);
  }

  /**
   * Age in ms, on the server's clock, of an entry's newest vital sign (when it was measured, or arrived if that was
   * earlier: `arrivals`), or null when it has none. Not the snapshot's `updated`: an alarm transition, an
   * acknowledgement or a late frame changes the snapshot without new data, and must not make old values look live.
   */
  ageOf(e, now = Date.now()) {
    return this._age(e.dataAt, now);
  }

  /** Age in ms of each of an entry's vital signs, as `ageOf`'s, by parameter (null for one without a time). */
  valueAges(e, now = Date.now()) {
    const ages = {};
    for (const p of Object.keys(e.vitals)) ages[p] = this._age(e.arrivedAt[p] ?? null, now);
    return ages;
  }

  _age(at, now) {
    return at === null ? null : Math.max(0, now - this.skew - at);
  }
}

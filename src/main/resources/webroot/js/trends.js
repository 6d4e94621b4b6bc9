// WardWatch dashboard: the patient view. Trend charts of the last hour per vital sign (drawn by trendchart.js), from
// GET /api/patients/{id}/history and then kept live from the ward's messages, with the alarm limits in force drawn as
// dashed lines and the patient's alarm events as markers; the events are also listed in words.

import { clockOf } from './format.js';
import { columns, lastHour, lastHourOf, limitsOf } from './history.js';
import { GROUPS, plotChart, WINDOW_S } from './trendchart.js';
import { el } from './dom.js';

/** The least time between two loads of the hour for live batches: its points are 10 s apart. */
const RELOAD_GAP_MS = 2000;
/** The alarm events charted and listed: those that change or announce an alarm (a reminder too), not audio or data. */
const EVENT_TYPES = new Set(['RAISED', 'PRIORITY_RAISED', 'ACKNOWLEDGED', 'ESCALATED', 'REMINDER', 'CLEARED']);
const THRESHOLD_PREFIX = 'THRESHOLD:';

/** Parameters a transition is about (threshold alarms name theirs), or null for the whole patient. */
function eventParam(tr) {
  const c = tr.alarm && typeof tr.alarm.condition === 'string' ? tr.alarm.condition : '';
  return c.startsWith(THRESHOLD_PREFIX) ? c.slice(THRESHOLD_PREFIX.length) : null;
}

/**
 * Marks `chart`'s box with the points drawn, and shows it unless its group is a measurement (`ifMeasured`) the patient
 * has no value of in the hour.
 */
function markDrawn(chart) {
  const points = chart.plot.data[0].length;
  chart.box.hidden = Boolean(chart.group.ifMeasured) && !points;
  chart.box.setAttribute('data-points', String(points));
}

/**
 * Owns the `#patient-view` dialog: opening it for a patient, its charts, their live updates, and saying whether they
 * are live. It is not modal, on purpose: a modal's backdrop hid the whole ward, so while a nurse read one patient's
 * trends another bed's new alarm (the ward's alarm list), an escalation or reminder (the header's notices) and a lost
 * link (the red banner) went unseen. It opens above the tiles, in their column, and those stay in sight beside it.
 */
export class PatientView {
  constructor(dialog) {
    this.dialog = dialog;
    this.title = dialog.querySelector('[data-role="title"]');
    this.status = dialog.querySelector('[data-role="status"]');
    this.chartsBox = dialog.querySelector('[data-role="charts"]');
    this.eventList = dialog.querySelector('[data-role="events"]');
    this.patient = null;
    this.charts = [];
    this.events = [];
    this.reloading = false; // a load of the hour for live batches is in flight, or waits RELOAD_GAP_MS
    this.reloadAgain = false;
    this.views = 0; // counts the views reset: a load of an earlier one leaves the charts alone
    this.from = null; // the start of the hour shown, once loaded
    this.live = false; // live messages reach the page (app.js says so through setLink)
    dialog.setAttribute('data-live', 'false');
    dialog.querySelector('[data-role="close"]').addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => this._reset());
    // Not modal, so the browser does not close it on Escape: this does, wherever the focus is (clicking "Trends"
    // leaves it on the tile), unless a handler nearer the focus took the key (prevented its default), or an input
    // method is composing (Escape cancels that). Listened for last, on the document, so those come first.
    dialog.ownerDocument.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !e.defaultPrevented && !e.isComposing && dialog.open) dialog.close();
    });
  }

  /** Opens the view for `entry` (a Store entry) and loads its last hour. */
  async open(entry) {
    this._reset();
    this.patient = entry.patient;
    const bed = entry.bed === null ? 'No bed' : `Bed ${entry.bed}`;
    this.title.textContent = `${bed} \u00b7 ${entry.patient} \u00b7 ${entry.ward}`;
    this.status.textContent = 'Loading the last hour\u2026';
    this.dialog.setAttribute('data-patient', entry.patient);
    if (!this.dialog.open) this.dialog.show();
    if (this.dialog.getBoundingClientRect().top < 0) this.dialog.scrollIntoView(); // above the tiles, scrolled past
    const patient = entry.patient;
    const view = this.views;
    try {
      const history = await lastHour(patient);
      if (this.views !== view) return; // closed, switched or opened again while loading: a later load draws
      this.events = (history.events || []).filter((tr) => EVENT_TYPES.has(tr.type));
      this._build(history);
      this.from = history.from;
      this._showStatus();
      this.dialog.setAttribute('data-loaded', 'true');
    } catch (ex) {
      if (this.views === view) this.status.textContent = `Trends unavailable: ${ex.message}`;
    }
  }

  /**
   * Whether live messages reach the page: its feed is open and the ward's registrations confirmed (`live`), or lost.
   * Lost, the view says its charts have stopped, as the banner says of the page; back, it loads the hour again for
   * the values the outage kept from it.
   */
  setLink(live) {
    if (live === this.live) return;
    this.live = live;
    this.dialog.setAttribute('data-live', String(live));
    if (live && this.charts.length) this._reload();
    this._showStatus();
  }

  /** What the view shows and whether it is live, once the hour is loaded (before, it says what holds it up). */
  _showStatus() {
    if (this.from === null) return;
    this.status.textContent = `Last hour from ${clockOf(this.from)}, `
      + `${this.live ? 'live' : 'NOT LIVE: connection lost, newer values and alarm events missing'}`;
  }

  /**
   * A live snapshot: appends the patient's newer values to the charts, keeping an hour. One that shows several changes
   * at once (a batch of frames, `fromSeq` below `seq`) does not carry the values between, nor does one after a `gap`
   * (a snapshot this page missed, or the server skipped for a slow screen): the hour is loaded again, and so it is for
   * one that arrives while the hour loads (the load may not have it).
   */
  snapshot(snap, gap = false) {
    if (!this.charts.length || String(snap.patient) !== this.patient || !snap.vitals) return;
    if (this.reloading || gap || (typeof snap.fromSeq === 'number' && snap.fromSeq < snap.seq)) {
      this._reload();
      return;
    }
    const secondsOf = (v) => (v && typeof v.value === 'number' ? Date.parse(v.time) / 1000 : NaN);
    for (const chart of this.charts) {
      const { params } = chart.group;
      const data = chart.plot.data.map((col) => [...col]);
      const lastX = data[0].length ? data[0][data[0].length - 1] : -Infinity;
      const times = [...new Set(params.map((p) => secondsOf(snap.vitals[p])).filter((t) => t > lastX))].sort();
      if (!times.length) continue;
      for (const t of times) {
        data[0].push(t);
        params.forEach((p, i) => {
          const value = secondsOf(snap.vitals[p]) === t ? snap.vitals[p].value : null;
          for (let k = 1; k <= 3; k++) data[3 * i + k].push(value);
        });
      }
      const cut = data[0].findIndex((x) => x >= times[times.length - 1] - WINDOW_S);
      chart.plot.setData(cut > 0 ? data.map((col) => col.slice(cut)) : data);
      markDrawn(chart);
    }
  }

  /** A live alarm transition of the patient: a marker and a line in the event list, which keep the last hour's. */
  transition(tr) {
    if (!this.charts.length || String(tr.patient) !== this.patient || !EVENT_TYPES.has(tr.type)) return;
    if (this.reloading) this.reloadAgain = true; // the hour being loaded may not have it, and would replace it
    this.events = lastHourOf([...this.events, tr], tr.at);
    for (const chart of this.charts) {
      const concerns = this._concerns(tr, chart.group);
      const kept = lastHourOf(chart.events, tr.at);
      if (!concerns && kept.length === chart.events.length) continue;
      chart.events = concerns ? [...kept, tr] : kept;
      chart.box.setAttribute('data-events', String(chart.events.length));
      chart.plot.redraw(false);
    }
    this._listEvents();
  }

  _concerns(tr, group) {
    const p = eventParam(tr);
    return p !== null && group.params.includes(p);
  }

  _build(history) {
    const width = Math.max(320, this.chartsBox.clientWidth - 8);
    for (const group of GROUPS) {
      const box = el('figure', 'trend');
      box.setAttribute('data-group', group.id);
      box.append(el('figcaption', null, group.title));
      this.chartsBox.append(box);
      const chart = {
        group,
        box,
        limits: limitsOf(history.limits, group.params),
        events: this.events.filter((tr) => this._concerns(tr, group)),
      };
      chart.plot = plotChart(chart, history, width);
      markDrawn(chart);
      box.setAttribute('data-limits', String(chart.limits.length));
      box.setAttribute('data-events', String(chart.events.length));
      this.charts.push(chart);
    }
    this._listEvents();
  }

  _listEvents() {
    const items = [...this.events].reverse().map((tr) => {
      const li = el('li', 'trend-event', `${clockOf(tr.at) || ''} ${tr.type.replaceAll('_', ' ').toLowerCase()} \u2014 `
        + `${(tr.alarm && tr.alarm.message) || tr.alarmId}`
        + `${tr.actor && tr.actor !== 'system' ? ` (${tr.actor})` : ''}`);
      li.setAttribute('data-priority', String(tr.priority || ''));
      return li;
    });
    if (!items.length) items.push(el('li', 'trend-event', 'No alarm events in the last hour'));
    this.eventList.replaceChildren(...items);
  }

  /**
   * Loads the open patient's last hour again into its charts and event list: one load at a time, and one more,
   * RELOAD_GAP_MS later, if asked for meanwhile (a device sending batches all the time would otherwise have the hour
   * fetched without a pause).
   */
  _reload() {
    if (this.reloading) {
      this.reloadAgain = true;
      return;
    }
    this.reloading = true;
    const view = this.views;
    const current = () => this.views === view; // else _reset has cleared the flags, for the next view's loads
    lastHour(this.patient).then((history) => {
      if (!current()) return;
      this.events = (history.events || []).filter((tr) => EVENT_TYPES.has(tr.type)); // with any a gap hid
      for (const chart of this.charts) {
        chart.events = this.events.filter((tr) => this._concerns(tr, chart.group));
        chart.box.setAttribute('data-events', String(chart.events.length));
        chart.plot.setData(columns(history.series || {}, chart.group.params));
        markDrawn(chart);
      }
      this._listEvents();
      this._showStatus(); // in place of a failed reload's message
    }).catch((ex) => {
      if (current()) this.status.textContent = `Trends not reloaded: ${ex.message}`;
    }).finally(() => {
      if (!current()) return;
      if (!this.reloadAgain) {
        this.reloading = false;
        return;
      }
      this.reloadAgain = false;
      setTimeout(() => {
        if (!current()) return;
        this.reloading = false;
        this._reload();
      }, RELOAD_GAP_MS);
    });
  }

  _reset() {
    for (const chart of this.charts) chart.plot.destroy();
    this.charts = [];
    this.events = [];
    this.patient = null;
    this.from = null;
    this.chartsBox.replaceChildren();
    this.eventList.replaceChildren();
    this.reloading = false;
    this.reloadAgain = false;
    this.views += 1;
    this.dialog.removeAttribute('data-loaded');
    this.dialog.removeAttribute('data-patient');
  }
}

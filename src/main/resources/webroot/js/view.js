// WardWatch dashboard: DOM. Every piece of data goes in through textContent or setAttribute, never innerHTML.

import { compareEntries } from './model.js';
import {
  buildTile, setAttr, setText, showMessage, updateAge, updateAlarms, updateClinical, updateDischarge,
  updateStopMeasure, updateValues,
} from './tile.js';
import { el } from './dom.js';
import { Notices } from './alarms.js';

function byName(a, b) {
  return a.localeCompare(b, undefined, { numeric: true });
}

export class View {
  constructor(store) {
    this.store = store;
    this.main = document.getElementById('wards');
    this.empty = document.getElementById('empty');
    this.link = document.getElementById('link-state');
    this.linkText = document.getElementById('link-text');
    this.linkTransport = document.getElementById('link-transport');
    this.banner = document.getElementById('link-banner');
    this.sync = document.getElementById('sync-state');
    this.clock = document.getElementById('clock');
    this.notices = new Notices(document.getElementById('notices'));
    this.wards = new Map(); // ward -> {section, grid, count}
    this.tiles = new Map(); // patient -> refs
    this.assess = () => el('span'); // (patient) => the tile's Assess control; set by the app
    this.stopMeasure = () => el('span'); // (patient) => the tile's Stop measuring control; set by the app
    this.discharge = () => el('span'); // (patient) => the tile's Discharge control; set by the app
    this.buttonsChanged = () => {}; // (tile element) => sets the state of newly built action buttons
  }

  /** Shows an action's outcome on the patient's tile; a failure on a tile gone meanwhile, in the notices. */
  report(patient, text, ok) {
    const t = this.tiles.get(patient);
    if (t) showMessage(t, text, ok);
    else if (!ok && text) this.notices.show(`${patient}: ${text}`, 'MEDIUM');
  }

  _serverNow(now = Date.now()) {
    return now - this.store.skew;
  }

  /** Header indicator (short text) and, while closed, the red banner across the top (long text). */
  setLink(open, text, transport, bannerText) {
    setAttr(this.link, 'data-state', open ? 'open' : 'closed');
    setText(this.linkText, text);
    setText(this.linkTransport, transport ? `via ${transport}` : '');
    this.banner.hidden = open;
    setText(this.banner, open ? '' : bannerText || text);
    document.body.classList.toggle('link-down', !open);
  }

  setSync(text, ok) {
    setText(this.sync, text);
    setAttr(this.sync, 'data-ok', ok ? 'true' : 'false');
  }

  _ward(ward) {
    let w = this.wards.get(ward);
    if (w) return w;
    const section = el('section', 'ward');
    section.setAttribute('data-ward', ward);
    const head = el('h2', 'ward-head');
    const name = el('span', 'ward-name', ward);
    const count = el('span', 'ward-count');
    head.append(name, count);
    const grid = el('div', 'grid');
    section.append(head, grid);
    w = { ward, section, grid, count };
    let before = null;
    let beforeName = null;
    for (const [other, ow] of this.wards) {
      if (byName(other, ward) > 0 && (beforeName === null || byName(other, beforeName) < 0)) {
        before = ow.section;
        beforeName = other;
      }
    }
    this.main.insertBefore(section, before);
    this.wards.set(ward, w);
    this.empty.hidden = true;
    return w;
  }

  /** Brings the tile of `result.entry` up to date, creating or moving it as needed. */
  render(result) {
    const e = result.entry;
    let t = this.tiles.get(e.patient);
    if (!t) {
      t = buildTile(e, this.assess(e.patient), this.stopMeasure(e.patient), this.discharge(e.patient));
      this.tiles.set(e.patient, t);
    }
    const w = this._ward(e.ward);
    setAttr(t.tile, 'data-bed', e.bed);
    setAttr(t.tile, 'data-ward', e.ward);
    setText(t.bed, e.bed === null ? 'No bed' : `Bed ${e.bed}`);
    setText(t.device, e.device || '');
    setAttr(t.device, 'title', e.device ? `Device ${e.device}` : null); // the whole id, when the tile shortens it
    setAttr(t.tile, 'aria-label', `${e.bed === null ? 'No bed' : `Bed ${e.bed}`}, patient ${e.patient}`);
    updateValues(t, e);
    updateClinical(t, e);
    if (updateAlarms(t, e, this._serverNow())) this.buttonsChanged(t.tile);
    updateAge(t, this.store.ageOf(e), this.store.valueAges(e), e.vitals);
    updateDischarge(t, e);
    updateStopMeasure(t, e);
    const oldWard = t.ward;
    if (t.ward !== e.ward || result.created || result.resorted) this._place(t, e, w);
    t.ward = e.ward;
    if (oldWard && oldWard !== e.ward) this._wardCount(oldWard);
    this._wardCount(e.ward);
  }

  /** Takes the tiles of `patients` off the screen (they left the ward shown). */
  remove(patients) {
    for (const key of patients) {
      const t = this.tiles.get(key);
      if (!t) continue;
      t.tile.remove();
      this.tiles.delete(key);
      this._wardCount(t.ward);
    }
  }

  /**
   * Says plainly when the ward shown is not among `knownWards` (a mistyped bookmark would otherwise look like a calm,
   * empty ward), else that the page waits for its patients.
   */
  setWardKnown(ward, knownWards) {
    const unknown = ward && !knownWards.includes(ward);
    setAttr(this.empty, 'data-unknown-ward', unknown ? ward : null);
    this.empty.textContent = unknown
      ? `No device has reported from ward \u201c${ward}\u201d to this gateway. Known wards: `
        + `${[...knownWards].sort(byName).join(', ') || 'none yet'}. Check the ward in the address, or pick one above.`
      : 'Waiting for patients\u2026';
  }

  /** Empties the screen (the page switched ward). */
  clear() {
    for (const w of this.wards.values()) w.section.remove();
    this.wards.clear();
    this.tiles.clear();
    this.setWardKnown(null, []);
    this.empty.hidden = false;
  }

  _place(t, e, w) {
    let target = null;
    for (const child of w.grid.children) {
      if (child === t.tile) continue;
      const other = this.store.entry(child.getAttribute('data-patient'));
      if (other && compareEntries(other, e) > 0) { target = child; break; }
    }
    if (t.tile.parentNode === w.grid && t.tile.nextElementSibling === target) return;
    w.grid.insertBefore(t.tile, target); // moving a node restarts its flash; done only when the order changes
  }

  _wardCount(ward) {
    const w = this.wards.get(ward);
    if (!w) return;
    const n = w.grid.children.length;
    w.section.hidden = n === 0; // a ward whose last patient moved elsewhere
    let high = 0;
    const beds = new Map();
    for (const child of w.grid.children) {
      if (child.getAttribute('data-alarm-priority') === 'HIGH') high++;
      const bed = child.getAttribute('data-bed');
      if (bed !== null) beds.set(bed, (beds.get(bed) || 0) + 1);
    }
    // patients, not alarms: the ward picker counts alarms, and one patient may have several
    setText(w.count, `${n} patient${n === 1 ? '' : 's'}${high ? ` \u00b7 ${high} in HIGH alarm` : ''}`);
    // two patients in one bed (a monitor moved without a new HELLO, a bed typed wrong): each tile says so
    for (const child of w.grid.children) {
      const bed = child.getAttribute('data-bed');
      setAttr(child, 'data-shared-bed', bed !== null && beds.get(bed) > 1 ? bed : null);
    }
  }

  /** Once a second: ages, stale marks, audio pauses running out, the clock and the page title. */
  tick() {
    const now = Date.now();
    let high = 0;
    let stale = 0;
    let technical = 0;
    for (const [key, t] of this.tiles) {
      const e = this.store.entry(key);
      if (!e) continue;
      updateAge(t, this.store.ageOf(e, now), this.store.valueAges(e, now), e.vitals);
      if (updateAlarms(t, e, this._serverNow(now))) this.buttonsChanged(t.tile);
      updateDischarge(t, e);
      updateStopMeasure(t, e);
      if (t.tile.getAttribute('data-alarm-priority') === 'HIGH') high++;
      if (t.tile.hasAttribute('data-stale')) stale++;
      if (t.tile.hasAttribute('data-technical')) technical++;
    }
    setText(this.clock,
      new Date(now).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }));
    const parts = [];
    if (high) parts.push(`${high} HIGH`);
    if (technical) parts.push(`${technical} technical`);
    if (document.body.classList.contains('link-down')) parts.push('OFFLINE');
    else if (stale) parts.push(`${stale} stale`);
    document.title = parts.length ? `(${parts.join(', ')}) WardWatch` : 'WardWatch';
  }
}

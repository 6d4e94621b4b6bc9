// WardWatch dashboard: DOM. Every piece of data goes in through textContent or setAttribute, never innerHTML.

import {
  PARAMS, STALE_MS, alarmedParams, compareEntries, formatAge, formatValue, priorityRank, sortedAlarms, topPriority,
} from './model.js';

/** Cells of a tile: one per vital sign, BP shows systolic/diastolic together. */
const CELLS = [
  { cell: 'PULSE', label: 'HR', params: ['PULSE'], unit: '/min' },
  { cell: 'SPO2', label: 'SpO\u2082', params: ['SPO2'], unit: '%' },
  { cell: 'RESP_RATE', label: 'RR', params: ['RESP_RATE'], unit: '/min' },
  { cell: 'BP', label: 'BP', params: ['BP_SYSTOLIC', 'BP_DIASTOLIC'], unit: 'mmHg' },
  { cell: 'TEMPERATURE', label: 'Temp', params: ['TEMPERATURE'], unit: '\u00b0C' },
];

const SHORT = { HIGH: 'HI', MEDIUM: 'MED', LOW: 'LO' };

function el(tag, cls, text) {
  const n = document.createElement(tag);
  if (cls) n.className = cls;
  if (text !== undefined) n.textContent = text;
  return n;
}

function setAttr(n, name, value) {
  if (value === null || value === undefined) n.removeAttribute(name);
  else if (n.getAttribute(name) !== String(value)) n.setAttribute(name, value);
}

function byName(a, b) {
  return a.localeCompare(b, undefined, { numeric: true });
}

function setText(n, text) {
  if (n.textContent !== text) n.textContent = text;
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
    this.wards = new Map(); // ward -> {section, grid, count}
    this.tiles = new Map(); // patient -> refs
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

  _tile(e) {
    const tile = el('article', 'tile');
    tile.setAttribute('data-patient', e.patient);
    const head = el('header', 'tile-head');
    const bed = el('span', 'bed');
    const patient = el('span', 'patient', e.patient);
    const badge = el('span', 'alarm-badge');
    badge.hidden = true;
    head.append(bed, patient, badge);
    const vitals = el('div', 'vitals');
    const cells = new Map();
    const values = new Map();
    for (const c of CELLS) {
      const cell = el('div', 'vital');
      cell.setAttribute('data-cell', c.cell);
      const label = el('div', 'vlabel');
      const flag = el('span', 'vflag');
      label.append(el('span', 'vname', c.label), el('span', 'unit', c.unit), flag);
      const num = el('div', 'vnum');
      c.params.forEach((p, i) => {
        if (i > 0) num.append(el('span', 'sep', '/'));
        const v = el('span', 'value', '--');
        v.setAttribute('data-param', p);
        num.append(v);
        values.set(p, v);
      });
      cell.append(label, num);
      vitals.append(cell);
      cells.set(c.cell, { cell, flag, params: c.params });
    }
    const alarms = el('ul', 'alarms');
    const foot = el('footer', 'tile-foot');
    const device = el('span', 'device');
    const stale = el('span', 'stale-tag', 'STALE');
    stale.hidden = true;
    const age = el('span', 'age');
    foot.append(device, stale, age);
    tile.append(head, vitals, alarms, foot);
    return { tile, bed, badge, cells, values, alarms, device, stale, age, ward: null, alarmKey: '' };
  }

  /** Brings the tile of `result.entry` up to date, creating or moving it as needed. */
  render(result) {
    const e = result.entry;
    let t = this.tiles.get(e.patient);
    if (!t) {
      t = this._tile(e);
      this.tiles.set(e.patient, t);
    }
    const w = this._ward(e.ward);
    setAttr(t.tile, 'data-bed', e.bed);
    setAttr(t.tile, 'data-ward', e.ward);
    setText(t.bed, e.bed === null ? 'No bed' : `Bed ${e.bed}`);
    setText(t.device, e.device || '');
    setAttr(t.tile, 'aria-label', `${e.bed === null ? 'No bed' : `Bed ${e.bed}`}, patient ${e.patient}`);
    this._values(t, e);
    this._alarms(t, e);
    this._age(t, e, Date.now());
    const oldWard = t.ward;
    if (t.ward !== e.ward || result.created || result.resorted) this._place(t, e, w);
    t.ward = e.ward;
    if (oldWard && oldWard !== e.ward) this._wardCount(oldWard);
    this._wardCount(e.ward);
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

  _values(t, e) {
    for (const [p, node] of t.values) {
      const v = e.vitals[p];
      setText(node, formatValue(p, v));
      setAttr(node, 'data-questionable', v && v.questionable ? 'true' : null);
      setAttr(node, 'title', v && v.questionable ? `${PARAMS[p].name}: questionable reading` : null);
    }
  }

  _alarms(t, e) {
    const top = topPriority(e);
    setAttr(t.tile, 'data-alarm-priority', top);
    t.badge.hidden = !top;
    setText(t.badge, top ? `${top} ALARM` : '');
    const byParam = alarmedParams(e);
    for (const c of t.cells.values()) {
      let prio = null;
      for (const p of c.params) if (priorityRank(byParam.get(p)) > priorityRank(prio)) prio = byParam.get(p);
      setAttr(c.cell, 'data-alarm', prio);
      setText(c.flag, prio ? `\u26a0 ${SHORT[prio]}` : '');
      setAttr(c.cell, 'title', prio ? `${prio} priority alarm` : null);
      for (const p of c.params) setAttr(t.values.get(p), 'data-alarm', byParam.get(p) || null);
    }
    const list = sortedAlarms(e);
    const key = JSON.stringify(list.map((a) => [a.id, a.priority, a.message]));
    if (key === t.alarmKey) return;
    t.alarmKey = key;
    const items = list.map((a) => {
      const li = el('li', 'alarm');
      li.setAttribute('data-alarm-id', String(a.id));
      li.setAttribute('data-priority', String(a.priority || ''));
      li.append(el('span', 'prio', String(a.priority || 'ALARM')), el('span', 'msg', String(a.message || a.parameter || a.id)));
      return li;
    });
    t.alarms.replaceChildren(...items);
    t.alarms.hidden = items.length === 0;
  }

  _age(t, e, now) {
    const age = this.store.ageOf(e, now);
    const stale = age === null || age > STALE_MS;
    setAttr(t.tile, 'data-stale', stale ? 'true' : null);
    t.stale.hidden = !stale;
    setText(t.age, formatAge(age));
  }

  _wardCount(ward) {
    const w = this.wards.get(ward);
    if (!w) return;
    const n = w.grid.children.length;
    w.section.hidden = n === 0; // a ward whose last patient moved elsewhere
    let high = 0;
    for (const child of w.grid.children) if (child.getAttribute('data-alarm-priority') === 'HIGH') high++;
    setText(w.count, `${n} patient${n === 1 ? '' : 's'}${high ? ` \u00b7 ${high} HIGH alarm${high === 1 ? '' : 's'}` : ''}`);
  }

  /** Once a second: ages, stale marks, the clock and the page title. */
  tick() {
    const now = Date.now();
    let high = 0;
    let stale = 0;
    for (const [key, t] of this.tiles) {
      const e = this.store.entry(key);
      if (!e) continue;
      this._age(t, e, now);
      if (t.tile.getAttribute('data-alarm-priority') === 'HIGH') high++;
      if (t.tile.hasAttribute('data-stale')) stale++;
    }
    setText(this.clock, new Date(now).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }));
    const parts = [];
    if (high) parts.push(`${high} HIGH`);
    if (document.body.classList.contains('link-down')) parts.push('OFFLINE');
    else if (stale) parts.push(`${stale} stale`);
    document.title = parts.length ? `(${parts.join(', ')}) WardWatch` : 'WardWatch';
  }
}

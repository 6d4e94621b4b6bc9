// WardWatch dashboard: one patient tile. Every piece of data goes in through textContent or setAttribute.

import { alarmedParams, awaitingAck, priorityRank, topPriority } from './alarmstate.js';
import { PARAMS, STALE_MS } from './model.js';
import { clockOf, describeNews2, formatAge, formatOxygen, formatValue } from './format.js';
import { renderAlarms } from './alarms.js';
import { el } from './dom.js';

/**
 * Cells of a tile: one per vital sign, a blood pressure's systolic/diastolic together with its `mean`, if sent, in
 * brackets; the arterial line's (`ifMeasured`) only while the patient has a value of it.
 */
const CELLS = [
  { cell: 'PULSE', label: 'HR', params: ['PULSE'], unit: '/min' },
  { cell: 'SPO2', label: 'SpO\u2082', params: ['SPO2'], unit: '%' },
  { cell: 'RESP_RATE', label: 'RR', params: ['RESP_RATE'], unit: '/min' },
  { cell: 'BP', label: 'BP', params: ['BP_SYSTOLIC', 'BP_DIASTOLIC', 'BP_MEAN'], mean: 'BP_MEAN', unit: 'mmHg' },
  { cell: 'TEMPERATURE', label: 'Temp', params: ['TEMPERATURE'], unit: '\u00b0C' },
  {
    cell: 'ABP', label: 'ABP', params: ['ART_SYSTOLIC', 'ART_DIASTOLIC', 'ART_MEAN'], mean: 'ART_MEAN', unit: 'mmHg',
    ifMeasured: true,
  },
];

/** IEC 60601-1-8's priority marks: 'HI' or 'LO' beside a value would read as above or below its limit. */
const MARK = { HIGH: '!!!', MEDIUM: '!!', LOW: '!' };
const ACVPU_NAMES = { A: 'Alert', C: 'New confusion', V: 'Voice', P: 'Pain', U: 'Unresponsive' };

export function setAttr(n, name, value) {
  if (value === null || value === undefined) n.removeAttribute(name);
  else if (n.getAttribute(name) !== String(value)) n.setAttribute(name, value);
}

export function setText(n, text) {
  if (n.textContent !== text) n.textContent = text;
}

/** Technical alarms about a tile's data: while one stands, its grey values may be stopped (updateStopMeasure). */
const DATA_ALARMS = ['TECHNICAL:NO_DATA', 'TECHNICAL:SENSOR_OFF', 'TECHNICAL:DISCONNECTED'];

/** Builds the tile of entry `e`; `assess`, `stopMeasure` and `discharge` are the patient's controls (from Actions). */
export function buildTile(e, assess, stopMeasure, discharge) {
  const tile = el('article', 'tile');
  tile.setAttribute('data-patient', e.patient);
  const head = el('header', 'tile-head');
  const bed = el('span', 'bed');
  const patient = el('span', 'patient', e.patient);
  const badge = el('span', 'alarm-badge');
  badge.hidden = true;
  const trends = el('button', 'trends-open', 'Trends');
  trends.type = 'button';
  trends.setAttribute('data-trends', e.patient);
  trends.setAttribute('aria-label', `Trends of patient ${e.patient}`);
  head.append(bed, patient, badge);
  const clin = el('div', 'clin');
  const news2 = el('div', 'news2');
  const news2Main = el('span', 'news2-main');
  const news2Sub = el('span', 'news2-sub');
  news2.append(news2Main, news2Sub);
  const acvpu = el('span', 'acvpu');
  const oxygen = el('span', 'oxygen');
  clin.append(news2, acvpu, oxygen);
  const vitals = el('div', 'vitals');
  const cells = new Map();
  const values = new Map();
  const means = new Set(); // the values shown in brackets, and only when sent
  for (const c of CELLS) {
    const cell = el('div', 'vital');
    cell.setAttribute('data-cell', c.cell);
    const label = el('div', 'vlabel');
    const flag = el('span', 'vflag');
    label.append(el('span', 'vname', c.label), el('span', 'unit', c.unit), flag);
    const num = el('div', 'vnum');
    c.params.forEach((p, i) => {
      const mean = p === c.mean;
      if (i > 0 && !mean) num.append(el('span', 'sep', '/'));
      if (mean) means.add(p);
      const v = el('span', mean ? 'value mean' : 'value', mean ? '' : '--');
      v.setAttribute('data-param', p);
      num.append(v);
      values.set(p, v);
    });
    cell.append(label, num);
    cell.hidden = Boolean(c.ifMeasured);
    vitals.append(cell);
    cells.set(c.cell, { cell, flag, params: c.params, ifMeasured: c.ifMeasured });
  }
  const technical = el('ul', 'alarms tech-alarms');
  technical.hidden = true;
  const alarms = el('ul', 'alarms');
  alarms.hidden = true;
  const msg = el('div', 'action-msg');
  msg.setAttribute('role', 'alert');
  msg.hidden = true;
  const foot = el('footer', 'tile-foot');
  const device = el('span', 'device');
  const stale = el('span', 'stale-tag', 'STALE');
  stale.hidden = true;
  const age = el('span', 'age');
  foot.append(trends, device, stale, age);
  stopMeasure.hidden = true;
  discharge.hidden = true;
  tile.append(head, clin, vitals, technical, alarms, msg, assess, stopMeasure, discharge, foot);
  return {
    tile, bed, badge, news2, news2Main, news2Sub, acvpu, oxygen, cells, values, means, technical, alarms, msg, device,
    stale, age, stopMeasure, discharge, ward: null, alarmKey: '', techKey: '', msgTimer: null,
  };
}

export function updateValues(t, e) {
  for (const [p, node] of t.values) {
    const v = e.vitals[p];
    setText(node, t.means.has(p) ? (v ? `(${formatValue(p, v)})` : '') : formatValue(p, v));
    setAttr(node, 'data-questionable', v && v.questionable ? 'true' : null);
    setAttr(node, 'title', v && v.questionable ? `${PARAMS[p].name}: questionable reading` : null);
  }
  for (const c of t.cells.values()) {
    if (c.ifMeasured) c.cell.hidden = !c.params.some((p) => e.vitals[p]);
  }
}

/** NEWS2 badge, ACVPU and air/oxygen. */
export function updateClinical(t, e) {
  const n = describeNews2(e.news2, e.news2Applies);
  setText(t.news2Main, n.main);
  setText(t.news2Sub, n.sub);
  setAttr(t.news2, 'data-band', n.band);
  setAttr(t.news2, 'data-partial', n.partial ? 'true' : null);
  setAttr(t.news2, 'title', n.title);
  setAttr(t.news2, 'data-news2', e.news2Applies ? 'on' : 'off');
  const comps = (e.news2 && e.news2.components) || {};
  // a charting NEWS2 no longer scores (too old): shown greyed, its title asking for a new one
  const missing = (e.news2 && Array.isArray(e.news2.missing)) ? e.news2.missing : [];
  const tooOld = (part, charted) => (charted && missing.includes(part) ? ' (too old to score: chart again)' : '');
  const c = e.consciousness && typeof e.consciousness.value === 'string' ? e.consciousness : null;
  setText(t.acvpu, `ACVPU ${c ? c.value : '--'}`);
  const cAt = c && clockOf(c.time);
  const cOld = tooOld('CONSCIOUSNESS', c);
  setAttr(t.acvpu, 'title', c ? `${ACVPU_NAMES[c.value] || c.value}${cAt ? `, charted ${cAt}` : ''}${cOld}`
    : 'ACVPU not charted');
  setAttr(t.acvpu, 'data-score', comps.CONSCIOUSNESS > 0 ? comps.CONSCIOUSNESS : null);
  setAttr(t.acvpu, 'data-stale', cOld ? 'true' : null);
  const o = formatOxygen(e.oxygen);
  setText(t.oxygen, o || 'Air/O\u2082 --');
  const oAt = e.oxygen && clockOf(e.oxygen.time);
  const oOld = tooOld('AIR_OR_OXYGEN', o);
  setAttr(t.oxygen, 'title', o ? `${o}${oAt ? `, charted ${oAt}` : ''}${oOld}` : 'Air or oxygen not charted');
  setAttr(t.oxygen, 'data-score', comps.AIR_OR_OXYGEN > 0 ? comps.AIR_OR_OXYGEN : null);
  setAttr(t.oxygen, 'data-stale', oOld ? 'true' : null);
}

/**
 * The tile's badge: the highest alarm priority, and whether it is acknowledged; a lower priority awaiting
 * acknowledgement under an acknowledged higher one is named ("HIGH ack'd · MEDIUM ALARM"), so the flashing it causes is
 * not taken for the higher one's.
 */
function badge(top, flash) {
  if (!top) return '';
  if (flash === top) return `${top} ALARM`;
  return flash ? `${top} ack\u2019d \u00b7 ${flash} ALARM` : `${top} ALARM \u00b7 ack\u2019d`;
}

/**
 * Tile colour from the highest physiological alarm; flashing only while an alarm awaits acknowledgement (at the rate
 * of the highest such alarm). Technical alarms have their own strip and never colour the tile.
 * Returns true when alarm lines were rebuilt (new buttons).
 */
export function updateAlarms(t, e, serverNow) {
  const top = topPriority(e.alarms);
  const flash = topPriority(e.alarms, awaitingAck);
  setAttr(t.tile, 'data-alarm-priority', top);
  setAttr(t.tile, 'data-flash', flash === 'HIGH' || flash === 'MEDIUM' ? flash : null);
  setAttr(t.tile, 'data-technical', e.technical.size ? 'true' : null);
  t.badge.hidden = !top;
  setText(t.badge, badge(top, flash));
  const byParam = alarmedParams(e);
  for (const c of t.cells.values()) {
    let prio = null;
    for (const p of c.params) if (priorityRank(byParam.get(p)) > priorityRank(prio)) prio = byParam.get(p);
    setAttr(c.cell, 'data-alarm', prio);
    setText(c.flag, prio ? `\u26a0 ${MARK[prio]}` : '');
    setAttr(c.cell, 'title', prio ? `${prio} priority alarm` : null);
    for (const p of c.params) setAttr(t.values.get(p), 'data-alarm', byParam.get(p) || null);
  }
  const techKey = renderAlarms(t.technical, e.technical, true, serverNow, t.techKey);
  const alarmKey = renderAlarms(t.alarms, e.alarms, false, serverNow, t.alarmKey);
  const rebuilt = techKey !== t.techKey || alarmKey !== t.alarmKey;
  t.techKey = techKey;
  t.alarmKey = alarmKey;
  return rebuilt;
}

/**
 * Ages and stale marks: each of `vitals` (an entry's) older than STALE_MS past its time, and past its report interval
 * too when the server says it is reported seldom (`every`, seconds: a monitor reporting once a minute over HL7 is not
 * stale between its reports), goes grey on its own (`valueAges`, by parameter), so an old SpO2 beside a live pulse
 * does not look live; the tile is STALE when it has no value with a time (`age`, of its newest, null) or every value
 * is stale.
 */
export function updateAge(t, age, valueAges, vitals) {
  const staleAfter = (p) => STALE_MS + (vitals[p] && vitals[p].every > 0 ? vitals[p].every * 1000 : 0);
  const isOld = (p) => valueAges[p] !== undefined && valueAges[p] !== null && valueAges[p] > staleAfter(p);
  const stale = age === null || Object.keys(valueAges).every((p) => valueAges[p] === null || isOld(p));
  setAttr(t.tile, 'data-stale', stale ? 'true' : null);
  t.stale.hidden = !stale;
  setText(t.age, formatAge(age));
  for (const [p, node] of t.values) {
    const valueAge = valueAges[p];
    const old = isOld(p);
    setAttr(node, 'data-stale', old ? 'true' : null);
    if (old) setAttr(node, 'title', `${PARAMS[p].name}: measured ${formatAge(valueAge)}`);
  }
}

/**
 * Offers the discharge once the patient's monitor is gone: disconnected, or every value stale with data missing for
 * the server's no-data time (a NO_DATA alarm), the server's own test. Closed and withdrawn when the monitor sends again
 * (what it said would be out of date, and the server would refuse). Call after updateAge.
 */
export function updateDischarge(t, e) {
  const technical = [...e.technical.values()].map((a) => a.condition);
  const gone = technical.includes('TECHNICAL:DISCONNECTED')
    || (t.tile.hasAttribute('data-stale') && technical.includes('TECHNICAL:NO_DATA'));
  if (!gone) t.discharge.open = false;
  if (t.discharge.hidden === gone) t.discharge.hidden = !gone;
}

/**
 * Offers "Stop measuring" while a technical alarm of the tile's data stands (no data, sensor off, a device
 * disconnected) and some of its values are grey, with a box for each grey one (a pressure's parts together, those it
 * has), ticks kept; closed and withdrawn otherwise. Call after updateAge.
 */
export function updateStopMeasure(t, e) {
  const alarmed = [...e.technical.values()].some((a) => DATA_ALARMS.includes(a.condition));
  const grey = alarmed ? CELLS.filter((c) => c.params.some((p) => t.values.get(p).hasAttribute('data-stale'))) : [];
  if (!grey.length) t.stopMeasure.open = false;
  if (t.stopMeasure.hidden === grey.length > 0) t.stopMeasure.hidden = !grey.length;
  const choices = t.stopMeasure.querySelector('fieldset');
  const measured = grey.map((c) => c.params.filter((p) => e.vitals[p]).join(','));
  if (!choices || choices.getAttribute('data-measured') === measured.join(';')) return;
  choices.setAttribute('data-measured', measured.join(';'));
  const ticked = new Set([...choices.querySelectorAll('input:checked')].map((box) => box.value));
  choices.replaceChildren(...grey.map((c, i) => {
    const box = el('input');
    Object.assign(box, { type: 'checkbox', name: 'measurement', value: measured[i] });
    box.checked = ticked.has(box.value);
    const choice = el('label', 'choice');
    choice.append(box, el('span', null, c.label));
    return choice;
  }));
}

/** An action's outcome under the alarms: errors stay 30 s, confirmations 5 s; '' clears. */
export function showMessage(t, text, ok) {
  clearTimeout(t.msgTimer);
  setText(t.msg, text);
  setAttr(t.msg, 'data-ok', ok ? 'true' : 'false');
  t.msg.hidden = !text;
  if (text) t.msgTimer = setTimeout(() => { t.msg.hidden = true; }, ok ? 5000 : 30000);
}

// WardWatch dashboard: alarm lines (physiological and technical) and the header's escalation notices. DOM only
// through textContent and setAttribute.

import { awaitingAck, pausedUntil, sortedAlarms } from './alarmstate.js';
import { clockOf, formatClock } from './format.js';
import { el } from './dom.js';

export const PAUSE_SECONDS = 120;
const NOTICE_MS = 10000;
const MAX_NOTICES = 4;

/** The state words of an alarm line: "unacknowledged", "acknowledged by X", "ended — acknowledge", ... */
export function stateText(a, serverNow) {
  const parts = [];
  if (a.state === 'ACTIVE_UNACKNOWLEDGED') parts.push('unacknowledged');
  else if (a.state === 'CLEARED_UNACKNOWLEDGED') parts.push('ended \u2014 acknowledge');
  else if (a.state === 'ACTIVE_ACKNOWLEDGED') {
    const at = clockOf(a.acknowledgedAt);
    parts.push(`acknowledged by ${a.acknowledgedBy || 'unknown'}${at ? ` at ${at}` : ''}`);
  } else if (a.state) parts.push(String(a.state).toLowerCase());
  const until = awaitingAck(a) ? pausedUntil(a, serverNow) : null;
  if (until !== null) parts.push(`audio paused until ${formatClock(until)}`);
  if (a.dataStale === true) parts.push('(stale data)');
  const n = Number(a.escalations);
  if (Number.isInteger(n) && n > 0) parts.push(`escalated \u00d7${n}`);
  return parts.join(' \u00b7 ');
}

function button(action, id, text) {
  const b = el('button', `act act-${action}`, text);
  b.type = 'button';
  b.setAttribute('data-action', action);
  b.setAttribute('data-alarm-id', id);
  return b;
}

/** One alarm's line: priority, message, state words and, while it awaits acknowledgement, its action buttons. */
export function line(a, technical, serverNow) {
  const id = String(a.id);
  const li = el('li', technical ? 'alarm tech' : 'alarm');
  li.setAttribute('data-alarm-id', id);
  li.setAttribute('data-priority', String(a.priority || ''));
  li.setAttribute('data-state', String(a.state || ''));
  li.setAttribute('data-kind', technical ? 'TECHNICAL' : 'PHYSIOLOGICAL');
  if (a.dataStale === true) li.setAttribute('data-stale-data', 'true');
  const text = String(a.message || a.condition || id);
  const head = el('div', 'aline');
  head.append(el('span', 'prio', String(a.priority || 'ALARM')),
    el('span', 'msg', technical ? `Technical: ${text}` : text));
  const status = el('div', 'astatus');
  status.append(el('span', 'astate', stateText(a, serverNow)));
  if (awaitingAck(a)) {
    status.append(button('acknowledge', id, 'Acknowledge'));
    if (pausedUntil(a, serverNow) === null) status.append(button('pause-audio', id, 'Pause audio 2 min'));
  }
  li.append(head, status);
  return li;
}

/**
 * Rebuilds `ul` with the alarms of `map` when anything shown changed (including an audio pause running out).
 * Returns the key of what it shows; pass it back as `prevKey`. A changed key means new buttons (set their state).
 */
export function renderAlarms(ul, map, technical, serverNow, prevKey) {
  const list = sortedAlarms(map);
  const key = JSON.stringify(list.map((a) => [a.id, a.priority, a.state, a.message, a.condition, a.acknowledgedBy,
    a.acknowledgedAt, a.dataStale, a.escalations, awaitingAck(a) ? pausedUntil(a, serverNow) : null]));
  if (key === prevKey) return prevKey;
  ul.replaceChildren(...list.map((a) => line(a, technical, serverNow)));
  ul.hidden = list.length === 0;
  return key;
}

function alarmOf(tr) {
  return tr.alarm && typeof tr.alarm === 'object' ? tr.alarm : {};
}

/** Transient notices in the header (escalations, reminders, discharges), each shown for 10 s. */
export class Notices {
  constructor(container) {
    this.box = container;
  }

  /** An escalation page (a transition on the ward's escalations address). */
  escalated(tr) {
    this._announce('Escalated', tr, '');
  }

  /** A REMINDER transition: an acknowledged alarm whose condition persists, announced again. */
  reminded(tr) {
    const by = alarmOf(tr).acknowledgedBy;
    this._announce('Reminder', tr, ` \u2014 still active, acknowledged${by ? ` by ${by}` : ''}`);
  }

  /** "<label>: ward · Bed · patient — message (PRIORITY)<tail>", coloured by the transition's priority. */
  _announce(label, tr, tail) {
    const a = alarmOf(tr);
    const bed = a.bed !== null && a.bed !== undefined ? `Bed ${a.bed}` : null;
    const where = [a.ward || tr.ward, bed, tr.patient || a.patient]
      .filter((x) => x !== null && x !== undefined && x !== '').join(' \u00b7 ');
    const what = a.message || a.condition || tr.alarmId || '';
    const prio = tr.priority || a.priority;
    this.show(`${label}: ${where}${what ? ` \u2014 ${what}` : ''}${prio ? ` (${prio})` : ''}${tail}`, prio);
  }

  /** Shows `text` on top of the notices for NOTICE_MS, coloured by `priority` when one is given. */
  show(text, priority = null) {
    if (!this.box) return;
    const item = el('div', 'notice', text);
    if (priority) item.setAttribute('data-priority', String(priority));
    this.box.prepend(item);
    while (this.box.children.length > MAX_NOTICES) this.box.lastElementChild.remove();
    this.box.hidden = false;
    setTimeout(() => {
      item.remove();
      this.box.hidden = this.box.children.length === 0;
    }, NOTICE_MS);
  }
}

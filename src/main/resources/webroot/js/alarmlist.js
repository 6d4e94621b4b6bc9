// WardWatch dashboard: the ward's alarm list beside the tiles, every alarm of the ward shown in one place, ordered by
// priority, then those awaiting acknowledgement, then the newest first; technical alarms in their own list below.
// Each line carries its patient (data-patient), so the acknowledge and pause buttons work as they do on a tile.

import { awaitingAck, pausedUntil, priorityRank } from './alarmstate.js';
import { line } from './alarms.js';

function byUrgency(x, y) {
  return priorityRank(y.alarm.priority) - priorityRank(x.alarm.priority)
    || Number(awaitingAck(y.alarm)) - Number(awaitingAck(x.alarm))
    || String(y.alarm.raisedAt || '').localeCompare(String(x.alarm.raisedAt || ''))
    || String(x.alarm.id).localeCompare(String(y.alarm.id));
}

function where(e) {
  return `${e.bed === null ? 'No bed' : `Bed ${e.bed}`} \u00b7 ${e.patient}`;
}

/** Owns the `#alarm-list` panel: its counts, its two lists, and when they need rebuilding. */
export class WardAlarmList {
  constructor(panel) {
    this.count = panel.querySelector('[data-role="count"]');
    this.physiological = panel.querySelector('[data-role="physiological"]');
    this.technical = panel.querySelector('[data-role="technical"]');
    this.empty = panel.querySelector('[data-role="empty"]');
    this.key = '';
  }

  /**
   * Rebuilds the lists from the store's entries when anything shown changed. Returns true when it did (new buttons).
   */
  render(store, serverNow) {
    const physiological = [];
    const technical = [];
    for (const e of store.entries.values()) {
      for (const alarm of e.alarms.values()) physiological.push({ e, alarm });
      for (const alarm of e.technical.values()) technical.push({ e, alarm });
    }
    physiological.sort(byUrgency);
    technical.sort(byUrgency);
    const key = JSON.stringify([...physiological, ...technical].map(({ e, alarm: a }) => [e.patient, e.bed, a.id,
      a.priority, a.state, a.message, a.acknowledgedBy, a.dataStale, a.escalations,
      awaitingAck(a) ? pausedUntil(a, serverNow) : null]));
    if (key === this.key) return false;
    this.key = key;
    const lines = (items, isTechnical) => items.map(({ e, alarm }) => {
      const li = line(alarm, isTechnical, serverNow);
      li.setAttribute('data-patient', e.patient);
      li.prepend(Object.assign(document.createElement('div'), { className: 'awhere', textContent: where(e) }));
      return li;
    });
    this.physiological.replaceChildren(...lines(physiological, false));
    this.technical.replaceChildren(...lines(technical, true));
    this.technical.hidden = technical.length === 0;
    this.empty.hidden = physiological.length + technical.length > 0;
    const waiting = physiological.filter(({ alarm }) => awaitingAck(alarm)).length;
    this.count.textContent = `${physiological.length} alarm${physiological.length === 1 ? '' : 's'}`
      + `${waiting ? `, ${waiting} to acknowledge` : ''}`
      + `${technical.length ? ` \u00b7 ${technical.length} technical` : ''}`;
    return true;
  }
}

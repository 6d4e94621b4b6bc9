// WardWatch dashboard: what an alarm's fields say (waiting for an acknowledgement, condition present, priority, audio
// paused) and the order alarm lists are shown in. No DOM here.

import { timeOf } from './model.js';

const PRIORITY_RANK = { HIGH: 3, MEDIUM: 2, LOW: 1 };

/** The alarm waits for an acknowledgement (and signals): active or latched, unacknowledged. */
export function awaitingAck(a) {
  return a.state === 'ACTIVE_UNACKNOWLEDGED' || a.state === 'CLEARED_UNACKNOWLEDGED';
}

/** The alarm's condition is still present (acknowledged or not); a latched, ended alarm is not. */
export function conditionPresent(a) {
  return a.state === 'ACTIVE_UNACKNOWLEDGED' || a.state === 'ACTIVE_ACKNOWLEDGED';
}

/** End of the alarm's audio pause (ms, server clock) when it lies after `serverNow`, else null. */
export function pausedUntil(a, serverNow) {
  const t = timeOf(a.audioPausedUntil);
  return t !== null && t > serverNow ? t : null;
}

export function priorityRank(p) {
  return PRIORITY_RANK[p] || 0;
}

/** Alarms of a map: highest priority first, those awaiting acknowledgement first, then the oldest raised. */
export function sortedAlarms(map) {
  return [...map.values()].sort((x, y) =>
    priorityRank(y.priority) - priorityRank(x.priority)
    || Number(awaitingAck(y)) - Number(awaitingAck(x))
    || String(x.raisedAt || '').localeCompare(String(y.raisedAt || ''))
    || String(x.id).localeCompare(String(y.id)));
}

/** Highest priority among the alarms of a map that pass `filter`, or null. */
export function topPriority(map, filter = () => true) {
  let best = null;
  for (const a of map.values()) {
    if (filter(a) && priorityRank(a.priority) > priorityRank(best)) best = a.priority;
  }
  return best;
}

/**
 * The priority of the most urgent alarm asking to be heard among `entries` (the store's): awaiting acknowledgement
 * and not audio-paused at `serverNow`; null when none.
 */
export function loudestAsking(entries, serverNow) {
  const asking = (a) => awaitingAck(a) && pausedUntil(a, serverNow) === null;
  let best = null;
  for (const e of entries) {
    for (const p of [topPriority(e.alarms, asking), topPriority(e.technical, asking)]) {
      if (priorityRank(p) > priorityRank(best)) best = p;
    }
  }
  return best;
}

/** Threshold alarms name their vital sign in the condition key, e.g. "THRESHOLD:PULSE". */
const THRESHOLD_PREFIX = 'THRESHOLD:';

/** Map vital sign → highest priority of the threshold alarms whose condition is present. */
export function alarmedParams(entry) {
  const out = new Map();
  for (const a of entry.alarms.values()) {
    if (typeof a.condition !== 'string' || !a.condition.startsWith(THRESHOLD_PREFIX)) continue;
    const p = a.condition.slice(THRESHOLD_PREFIX.length);
    if (conditionPresent(a) && priorityRank(a.priority) > priorityRank(out.get(p))) out.set(p, a.priority);
  }
  return out;
}

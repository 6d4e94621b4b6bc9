// WardWatch dashboard: the trend view's data. A patient's last hour from GET /api/patients/{id}/history, and what the
// charts make of it: uPlot's columns, the y range, and the alarm limits drawn as dashed lines. Pure but for the fetch.

import { PARAMS } from './model.js';

/** GET /api/patients/{patient}/history: the patient's last hour, as the trend view draws it. */
export async function lastHour(patient) {
  const res = await fetch(`/api/patients/${encodeURIComponent(patient)}/history?minutes=60`, { cache: 'no-store' });
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  return res.json();
}

/**
 * Chart columns of a group from history series ({param: [[ms, last, min, max], ...]}): uPlot's aligned arrays
 * [x seconds, then per parameter last, min, max], null where a parameter has no point at that time. Pure.
 */
export function columns(series, params) {
  const times = new Set();
  for (const p of params) for (const point of series[p] || []) times.add(point[0]);
  const xs = [...times].sort((a, b) => a - b);
  const index = new Map(xs.map((t, i) => [t, i]));
  const out = [xs.map((t) => t / 1000)];
  for (const p of params) {
    const cols = [0, 1, 2].map(() => new Array(xs.length).fill(null));
    for (const [t, last, min, max] of series[p] || []) {
      const i = index.get(t);
      cols[0][i] = last;
      cols[1][i] = min;
      cols[2][i] = max;
    }
    out.push(...cols);
  }
  return out;
}

/** `events` (alarm transitions, oldest first) within the hour ending at `at` (an ISO time), as the view keeps them. */
export function lastHourOf(events, at) {
  const from = Date.parse(at) - 3600 * 1000;
  return events.filter((tr) => Date.parse(tr.at) >= from);
}

/** A y range around every finite value given, with 8 % room above and below (the dashed labels need it). */
export function paddedRange(values) {
  const finite = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  if (!finite.length) return [0, 1];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const pad = Math.max((hi - lo) * 0.08, 1);
  return [lo - pad, hi + pad];
}

/** The alarm limits in force for `params` (the history's `limits`): a dashed line each, labelled by its rule. */
export function limitsOf(limits, params) {
  const out = [];
  for (const p of params) {
    for (const rule of (limits && limits[p]) || []) {
      const above = typeof rule.above === 'number';
      const value = above ? rule.above : rule.below;
      if (typeof value !== 'number') continue;
      const label = `${rule.priority} ${PARAMS[p].name} ${above ? '>' : '<'} ${value}`;
      out.push({ value, priority: rule.priority, label });
    }
  }
  return out;
}

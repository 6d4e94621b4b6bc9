// WardWatch dashboard: how values, ages and times read on screen. No DOM here.

import { NEWS2_LABELS, PARAMS } from './model.js';

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

function two(n) {
  return String(n).padStart(2, '0');
}

/** "10:32" (24 h, browser time zone) of a time in ms. */
export function formatClock(ms) {
  const d = new Date(ms);
  return `${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** "10:32" of an ISO time, or null. */
export function clockOf(iso) {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? formatClock(t) : null;
}

/** "Air", "O\u2082 2 L/min", "O\u2082" (flow unknown), or null when not charted. */
export function formatOxygen(o) {
  if (!o || typeof o.onOxygen !== 'boolean') return null;
  if (!o.onOxygen) return 'Air';
  const f = typeof o.flow === 'number' && Number.isFinite(o.flow) ? o.flow : null;
  return f === null ? 'O\u2082' : `O\u2082 ${Number(f.toFixed(1))} L/min`;
}

/**
 * How a NEWS2 result reads: `main` ("NEWS2 7", "NEWS2 ≥3"), `sub` (band, partial and scale text), `band` and
 * `partial` for styling, `title` listing the component scores. A partial total is a lower bound: it is written "≥",
 * its band "or higher", and a partial "low" is given no band at all, so it never passes for a confident low score.
 * `applies` false (a clinician stopped NEWS2 for the patient) reads "NEWS2 off".
 */
export function describeNews2(n, applies = true) {
  if (!applies) {
    return { main: 'NEWS2 off', sub: 'not used for this patient', band: null, partial: false,
      title: 'NEWS2 stopped by a clinician (not validated under 16 or in pregnancy): not scored, no NEWS2 alarm' };
  }
  if (!n || typeof n.total !== 'number' || !Number.isFinite(n.total)) {
    return { main: 'NEWS2 --', sub: 'not scored', band: null, partial: true, title: 'NEWS2 not available' };
  }
  const band = typeof n.band === 'string' ? n.band : null;
  const missing = Array.isArray(n.missing) ? n.missing.map((m) => NEWS2_LABELS[m] || String(m)) : [];
  const partial = n.partial === true || missing.length > 0;
  const parts = [];
  if (!partial) parts.push(band || '');
  else if (band && band !== 'low') parts.push(`${band} or higher`);
  if (partial) parts.push(`PARTIAL (missing: ${missing.length ? missing.join(', ') : 'unknown'})`);
  if (n.scale === 2) parts.push('SpO\u2082 scale 2');
  const comps = n.components && typeof n.components === 'object' ? n.components : {};
  const scored = Object.keys(comps).map((k) => `${NEWS2_LABELS[k] || k} ${comps[k]}`).join(', ');
  return {
    main: `NEWS2 ${partial ? '\u2265' : ''}${n.total}`,
    sub: parts.filter(Boolean).join(' \u00b7 '),
    band,
    partial,
    title: `NEWS2 ${partial ? 'at least ' : ''}${n.total}${scored ? ` (${scored})` : ''}`
      + `${partial ? ` \u2014 not scored: ${missing.join(', ')}` : ''}`,
  };
}

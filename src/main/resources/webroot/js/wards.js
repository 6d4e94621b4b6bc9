// WardWatch dashboard: the ward picker. A screen shows one ward (its "room" on the bridge); the choice lives in the
// address (?ward=icu) so a central station can be bookmarked, and the list of wards with their alarm counts comes
// from GET /api/wards.

import { WARD_RE } from './model.js';

const WARDS_URL = '/api/wards';
const FETCH_TIMEOUT_MS = 8000;

/** The ward named in the page address, or null. */
export function wardInAddress() {
  const ward = new URLSearchParams(location.search).get('ward');
  return ward && WARD_RE.test(ward) ? ward : null;
}

/** `icu (5 patients, 2 HIGH, 1 LOW; 3 technical)`: physiological alarms by priority, as the ward's screen counts. */
function optionText(w) {
  const a = w.alarms || {};
  const counts = ['HIGH', 'MEDIUM', 'LOW'].filter((p) => a[p] > 0).map((p) => `${a[p]} ${p}`);
  const technical = Object.values(w.technical || {}).reduce((sum, n) => sum + (Number(n) || 0), 0);
  const parts = [`${w.patients} patient${w.patients === 1 ? '' : 's'}`, ...counts].join(', ');
  return `${w.ward} (${parts}${technical ? `; ${technical} technical` : ''})`;
}

/** Owns the `#ward-picker` select; `onPick(ward)` runs when the user picks another ward. */
export class WardPicker {
  constructor(select, onPick) {
    this.select = select;
    this.current = null;
    select.addEventListener('change', () => {
      if (WARD_RE.test(select.value) && select.value !== this.current) onPick(select.value);
    });
  }

  /** Marks `ward` as the one shown and puts it in the page address. */
  show(ward) {
    this.current = ward;
    const url = new URL(location.href);
    url.searchParams.set('ward', ward);
    history.replaceState(null, '', url);
    this._ensure(ward);
    this.select.value = ward;
  }

  /** Reloads the ward list; resolves to the wards known (empty when the server has no patients yet). */
  async refresh() {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), FETCH_TIMEOUT_MS);
    try {
      const res = await fetch(WARDS_URL,
        { cache: 'no-store', headers: { Accept: 'application/json' }, signal: ctl.signal });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const wards = (await res.json()).filter((w) => w && WARD_RE.test(String(w.ward)));
      for (const w of wards) this._ensure(w.ward).textContent = optionText(w);
      if (this.current) this.select.value = this.current;
      return wards.map((w) => w.ward);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Counts the shown ward in its option from the screen's own `store`, as GET /api/wards counts it, with every update
   * rather than at the next poll: a MEDIUM alarm raised over a LOW one must not read "1 LOW" for ten seconds.
   */
  count(store) {
    if (!this.current) return;
    const alarms = {};
    const technical = {};
    for (const e of store.entries.values()) {
      for (const a of e.alarms.values()) alarms[a.priority] = (alarms[a.priority] || 0) + 1;
      for (const a of e.technical.values()) technical[a.priority] = (technical[a.priority] || 0) + 1;
    }
    const shown = { ward: this.current, patients: store.entries.size, alarms, technical };
    this._ensure(this.current).textContent = optionText(shown);
  }

  _ensure(ward) {
    let option = [...this.select.options].find((o) => o.value === ward);
    if (!option) {
      option = Object.assign(document.createElement('option'), { value: ward, textContent: ward });
      const before = [...this.select.options]
        .find((o) => o.value.localeCompare(ward, undefined, { numeric: true }) > 0);
      this.select.insertBefore(option, before || null);
    }
    return option;
  }
}

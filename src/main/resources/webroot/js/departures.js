// WardWatch dashboard: the patients who left the ward on screen, discharged or moved to another ward (their alarms
// with them), so that what was made before they left does not bring them back, and what the screen says of them.
// No DOM.

/** The patients who left the screen's ward, each with its notice's time, a move's change number and when it came. */
export class Departures {
  constructor() {
    this.left = new Map(); // patient -> {at: server time, seq: a move's, or null, seen: performance.now()}
  }

  /** Patient `key` left the ward: its notice (a discharge's or a move's) came now. */
  note(key, notice) {
    // a move's change number; a discharged patient admitted again starts anew, so a discharge's says nothing
    const seq = notice.movedTo && typeof notice.seq === 'number' ? notice.seq : null;
    this.left.set(key, { at: Date.parse(notice.at), seq, seen: performance.now() });
  }

  /**
   * Whether something of patient `key` predates their leaving and must not bring them back: a list asked for before
   * its notice came (`fetchedAt`, or null), or a live message made no later (`madeAt`, the server's time) of a change
   * no later (`seq`, a snapshot's, against a move's notice: a batch's frames share one time, so a patient moved away
   * and back in one comes back at the notice's time, with a later change). A newer one is of the patient admitted
   * again, or back; the mark stays, for a late older one.
   */
  predates(key, madeAt, fetchedAt, seq = null) {
    const gone = this.left.get(key);
    if (!gone) return false;
    if (fetchedAt !== null) return fetchedAt < gone.seen;
    return !(Date.parse(madeAt) > gone.at || (gone.seq !== null && typeof seq === 'number' && seq > gone.seq));
  }

  /** Another ward is shown: nobody has left it yet. */
  clear() {
    this.left.clear();
  }
}

/** What the screen says of patient `key`, of bed `bed` (or null), who left: where they went, or who discharged them. */
export function departureText(key, bed, notice) {
  const where = `${bed !== null ? `Bed ${bed} \u00b7 ` : ''}${key}`;
  const to = notice.movedTo;
  return to ? `Moved: ${where} to ward ${to.ward}${to.bed ? `, bed ${to.bed}` : ''}`
    : `Discharged: ${where}${notice.by ? ` by ${notice.by}` : ''}`;
}

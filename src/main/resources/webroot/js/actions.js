// WardWatch dashboard: what a signed-in user can do, sent to the ward's actions address by request-reply over the
// bridge: acknowledge an alarm, pause its audio, chart an assessment (ACVPU, air/oxygen, SpO2 scale 2, NEWS2 off),
// stop measuring what a sensor taken off for good measured, discharge a patient whose monitor is gone.

import { awaitingAck } from './alarmstate.js';
import { WARD_RE } from './model.js';
import { PAUSE_SECONDS } from './alarms.js';
import { el } from './dom.js';

const USER_KEY = 'wardwatch.user';
/** Longer than the server's own wait for the patient's owner (10 s), whose answer says what went wrong. */
const REPLY_TIMEOUT_MS = 15000;
const VERB = {
  acknowledge: 'Acknowledge', 'pause-audio': 'Pause audio', assess: 'Assessment', discharge: 'Discharge',
  'stop-measurement': 'Stop measuring',
};
const DONE = { assess: 'Assessment saved', 'stop-measurement': 'Measurement stopped' }; // said on the tile once taken
const ACVPU = [['A', 'A \u2014 Alert'], ['C', 'C \u2014 New confusion'], ['V', 'V \u2014 Voice'],
  ['P', 'P \u2014 Pain'], ['U', 'U \u2014 Unresponsive']];
const NEWS2_USE = [['on', 'Used'], ['under 16', 'Off: under 16'], ['pregnant', 'Off: pregnant']];

function select(name, options) {
  const s = el('select');
  s.name = name;
  for (const [value, text] of [['', '\u2014'], ...options]) {
    const o = el('option', null, text);
    o.value = value;
    s.append(o);
  }
  return s;
}

function labelled(text, control) {
  const l = el('label', 'field');
  l.append(el('span', 'field-name', text), control);
  return l;
}

/**
 * What a discharge of entry `e` ends, said before it is confirmed: the alarms cleared in the user's name and the
 * trends deleted; or, while a HIGH alarm awaits acknowledgement, that it must be acknowledged first (the server
 * refuses the discharge until then).
 */
function dischargeNote(e) {
  const alarms = e ? [...e.alarms.values(), ...e.technical.values()] : [];
  const high = alarms.filter((a) => a.priority === 'HIGH' && awaitingAck(a));
  if (high.length) {
    return `Acknowledge its HIGH alarm${high.length === 1 ? '' : 's'} first: ${high.map((a) => a.message).join('; ')}.`;
  }
  const open = alarms.filter(awaitingAck).length;
  const count = `${alarms.length} alarm${alarms.length === 1 ? '' : 's'}`;
  const unacknowledged = open ? ` (${open} not acknowledged)` : '';
  const cleared = alarms.length ? `Its ${count}${unacknowledged} will be cleared in your name` : 'It has no alarm';
  return `Ends the monitoring of patient ${e ? e.patient : ''}. ${cleared}, its last hour of trends is deleted, and `
    + 'its tile leaves every screen. A monitor that sends again admits the patient afresh.';
}

/** A form acting on one patient; its submit button is enabled and disabled with the other actions (refresh). */
function patientForm(action, patient, cls) {
  const form = el('form', cls);
  form.setAttribute('data-patient-action', action);
  form.setAttribute('data-for-patient', patient);
  form.noValidate = true;
  return form;
}

// The name is kept for this tab only (a reload keeps it): on a shared ward station the next person's browser or tab
// starts empty rather than acting in the last one's name.
function readUser() {
  try { return sessionStorage.getItem(USER_KEY) || ''; } catch { return ''; }
}

export class Actions {
  /**
   * @param store    the Store (to find an alarm's ward)
   * @param getBus   () => the current EventBus or null
   * @param report   (patient, text, ok) => shows an action's outcome on the patient's tile
   */
  constructor(store, getBus, report) {
    this.store = store;
    this.getBus = getBus;
    this.report = report;
    this.pending = new Map(); // request key -> {fail}
    this.input = document.getElementById('user-name');
    this.hint = document.getElementById('user-hint');
    this.input.value = readUser();
    this.input.addEventListener('input', () => {
      try { sessionStorage.setItem(USER_KEY, this.user()); } catch { /* storage off: remembered by this page only */ }
      this.refresh();
    });
    document.body.addEventListener('click', (ev) => this._click(ev)); // tiles and the ward's alarm list
  }

  user() {
    return this.input.value.trim().slice(0, 64);
  }

  /** Why actions cannot be sent now, or null when they can. */
  blocked() {
    if (!this.user()) return 'Enter your name at \u201cSigned in as\u201d first';
    const eb = this.getBus();
    if (!eb || eb.state !== EventBus.OPEN) return 'No live connection';
    return null;
  }

  /** Enables or disables every action control under `root` and updates the header hint. */
  refresh(root = document) {
    const why = this.blocked();
    this.hint.hidden = !!this.user();
    document.body.classList.toggle('no-user', !this.user());
    for (const b of root.querySelectorAll('button[data-action], form[data-patient-action] button[type="submit"]')) {
      const key = b.hasAttribute('data-action') ? `${b.getAttribute('data-action')}:${b.getAttribute('data-alarm-id')}`
        : `${b.form.getAttribute('data-patient-action')}:${b.form.getAttribute('data-for-patient')}`;
      const busy = this.pending.has(key);
      b.disabled = !!why || busy;
      if (why || busy) b.title = busy ? 'Sending\u2026' : why;
      else b.removeAttribute('title');
      b.toggleAttribute('data-busy', busy);
    }
  }

  /** Says again, in each open Discharge control under `root`, what it would end (the patient's alarms changed). */
  refreshDischargeNotes(root = document) {
    for (const form of root.querySelectorAll('details[open] > form[data-patient-action="discharge"]')) {
      const note = form.querySelector('.discharge-note');
      const text = dischargeNote(this.store.entry(form.getAttribute('data-for-patient')));
      if (note.textContent !== text) note.textContent = text;
    }
  }

  /** The compact per-tile "Assess" form (ACVPU, air or O2 flow, SpO2 scale, NEWS2 used or not). */
  assessForm(patient) {
    const details = el('details', 'assess');
    details.setAttribute('data-control', 'assess');
    details.append(el('summary', null, 'Assess'));
    const form = patientForm('assess', patient, 'assess-form');
    const oxygen = select('oxygen', [['air', 'Air'], ['o2', 'O\u2082']]);
    const flow = el('input');
    Object.assign(flow,
      { name: 'flow', type: 'number', min: '0', step: 'any', inputMode: 'decimal', placeholder: 'L/min' });
    flow.addEventListener('input', () => { if (flow.value !== '') oxygen.value = 'o2'; });
    const submit = el('button', 'act', 'Save');
    submit.type = 'submit';
    form.append(labelled('ACVPU', select('consciousness', ACVPU)), labelled('Air/O\u2082', oxygen),
      labelled('O\u2082 L/min', flow), labelled('SpO\u2082', select('scale', [['1', 'Scale 1'], ['2', 'Scale 2']])),
      labelled('NEWS2', select('news2', NEWS2_USE)), submit);
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      this._assess(form, details);
    });
    details.append(form);
    return details;
  }

  /**
   * The per-tile "Discharge" control: ends the patient's monitoring (its alarms cleared by the user, its tile gone
   * from every screen). Opening it is the first step, its button the second; the tile shows it only once the monitor
   * is gone (View), and the server refuses a discharge while the monitor still sends.
   */
  dischargeForm(patient) {
    const details = el('details', 'discharge');
    details.setAttribute('data-control', 'discharge');
    details.append(el('summary', null, 'Discharge\u2026'));
    const form = patientForm('discharge', patient, 'discharge-form');
    const note = el('p', 'discharge-note');
    note.id = `discharge-note-${patient}`;
    const submit = el('button', 'act final', `Discharge patient ${patient}`);
    submit.type = 'submit';
    submit.setAttribute('aria-describedby', note.id);
    form.append(note, submit);
    details.addEventListener('toggle', () => this.refreshDischargeNotes(details.parentNode || document));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const e = this.store.entry(patient);
      this._send(`discharge:${patient}`, e && e.ward, patient, { action: 'discharge', patient, user: this.user() },
        () => { details.open = false; });
    });
    details.append(form);
    return details;
  }

  /**
   * The per-tile "Stop measuring" control, for a sensor taken off for good (an oximeter removed while the monitor
   * carries on), whose no-data alarm would otherwise remind for ever: the tile offers it, with a box for each grey
   * value, while a technical alarm of its data stands (updateStopMeasure); the server refuses one still reported.
   */
  stopMeasureForm(patient) {
    const details = el('details', 'stop-measure');
    details.setAttribute('data-control', 'stop-measurement');
    details.append(el('summary', null, 'Stop measuring\u2026'));
    const form = patientForm('stop-measurement', patient, 'stop-measure-form');
    const submit = el('button', 'act', 'Stop measuring');
    submit.type = 'submit';
    form.append(el('fieldset', 'stop-measure-choices'),
      el('p', 'stop-measure-note', 'Ends their alarms. A new value starts a measurement again.'), submit);
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const parameters = [...form.querySelectorAll('input:checked')].flatMap((box) => box.value.split(','));
      if (!parameters.length) {
        this.report(patient, 'Stop measuring not sent: tick what to stop measuring', false);
        return;
      }
      const e = this.store.entry(patient);
      const body = { action: 'stop-measurement', patient, user: this.user(), parameters };
      this._send(`stop-measurement:${patient}`, e && e.ward, patient, body, () => { details.open = false; });
    });
    details.append(form);
    return details;
  }

  _assess(form, details) {
    const patient = form.getAttribute('data-for-patient');
    const e = this.store.entry(patient);
    const f = form.elements;
    const body = { action: 'assess', patient, user: this.user() };
    if (f.consciousness.value) body.consciousness = f.consciousness.value;
    if (f.oxygen.value === 'air') body.oxygen = 'air';
    else if (f.oxygen.value === 'o2') {
      const n = Number(f.flow.value);
      if (f.flow.value.trim() === '' || !Number.isFinite(n) || n <= 0) {
        this.report(patient, 'Assessment not sent: enter the O\u2082 flow in L/min (more than 0)', false);
        return;
      }
      body.oxygen = n;
    }
    if (f.scale.value) body.spo2Scale2 = f.scale.value === '2';
    if (f.news2.value) Object.assign(body, f.news2.value === 'on' ? { news2Applies: true }
      : { news2Applies: false, news2Reason: f.news2.value });
    if (Object.keys(body).length === 3) {
      this.report(patient, 'Assessment not sent: choose ACVPU, air/O\u2082, an SpO\u2082 scale or NEWS2', false);
      return;
    }
    this._send(`assess:${patient}`, e && e.ward, patient, body, () => {
      form.reset();
      details.open = false;
    });
  }

  _click(ev) {
    const b = ev.target.closest('button[data-action]');
    if (!b || b.disabled) return;
    const action = b.getAttribute('data-action');
    const id = b.getAttribute('data-alarm-id');
    const tile = b.closest('[data-patient]');
    const patient = tile ? tile.getAttribute('data-patient') : null;
    const e = patient === null ? null : this.store.entry(patient);
    if (!e || (action !== 'acknowledge' && action !== 'pause-audio')) return;
    const a = e.alarms.get(id) || e.technical.get(id);
    const body = { action, alarmId: id, user: this.user() };
    if (action === 'pause-audio') body.seconds = PAUSE_SECONDS;
    this._send(`${action}:${id}`, (a && a.ward) || e.ward, patient, body);
  }

  /** Sends `body` to the ward's actions address; reports failures (error reply, refusal, no reply) on the tile. */
  _send(key, ward, patient, body, onOk) {
    const verb = VERB[body.action];
    const why = this.blocked();
    if (why || this.pending.has(key)) {
      if (why) this.report(patient, `${verb} not sent: ${why}`, false);
      return;
    }
    if (!WARD_RE.test(String(ward))) {
      this.report(patient, `${verb} not sent: unknown ward`, false);
      return;
    }
    const address = `wardwatch.ward.${ward}.actions`;
    let done = false;
    const finish = (err) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      this.pending.delete(key);
      this.refresh();
      if (err) this.report(patient, `${verb} failed: ${err}`, false);
      else {
        this.report(patient, DONE[body.action] || '', true);
        if (onOk) onOk();
      }
    };
    const timer = setTimeout(() => finish('no reply from the server'), REPLY_TIMEOUT_MS);
    this.pending.set(key, { fail: finish });
    this.refresh();
    try {
      this.getBus().send(address, body, (err, msg) => {
        if (err) finish(err.message || err.failureType || 'refused');
        else if (!msg || !msg.body || msg.body.ok !== true) {
          const b = msg && msg.body && typeof msg.body === 'object' ? msg.body : {};
          finish(b.message || b.error || 'unexpected reply');
        } else finish(null);
      });
    } catch (ex) {
      finish(ex && ex.message === 'INVALID_STATE_ERR' ? 'no live connection' : String(ex));
    }
  }

  /** The connection closed: replies to requests in flight will never come. */
  connectionLost() {
    for (const p of [...this.pending.values()]) p.fail('connection lost before the reply; check the alarm state');
  }
}

// WardWatch dashboard: audible alarms through Web Audio. Browsers block sound until the user acts on the page, so
// sound starts only from the "Enable sound" button, and a warning stays on screen for as long as sound is off.
//
// Patterns after IEC 60601-1-8 (burst shapes, not its exact timings): HIGH a burst of 10 pulses (3 + 2, pause, 3 + 2)
// every 6 s; MEDIUM 3 pulses every 10 s; LOW 2 pulses every 20 s. Each priority has its own pitch, so a nurse can
// tell them apart without looking. Only the most urgent alarm sounds. LINK, a low falling pair every 10 s, is the
// page's own technical alarm: its live feed has been lost for a while, so no new alarm can reach it. A reminder (an
// acknowledged alarm that persists, announced again by the server) plays one burst of its priority's pattern.

import { priorityRank } from './alarmstate.js';

const PATTERNS = {
  HIGH: { pitch: 988, pulses: [0, 0.2, 0.4, 0.9, 1.1, 2.0, 2.2, 2.4, 2.9, 3.1], every: 6 },
  MEDIUM: { pitch: 698, pulses: [0, 0.3, 0.6], every: 10 },
  LOW: { pitch: 523, pulses: [0, 0.35], every: 20 },
  LINK: { pitch: 392, pulses: [0, 0.4], every: 10 },
};
const PULSE_SECONDS = 0.15;
/** Silence between a reminder's burst and the next burst of a less urgent pattern that was cycling. */
const AFTER_REMINDER_SECONDS = 1;
const VOLUME = 0.25;

/** Plays the pattern of the most urgent alarm that is asking to be heard; owns the sound button and warning. */
export class AlarmSound {
  /**
   * @param button   the "Enable sound" toggle
   * @param warning  shown while sound is off
   * @param state    element whose data-playing names the pattern cycling ("HIGH", "MEDIUM", "LOW", "LINK" or "none")
   *                 and whose data-reminders counts the reminder bursts played
   */
  constructor(button, warning, state) {
    this.button = button;
    this.warning = warning;
    this.state = state;
    this.context = null;
    this.priority = null; // the pattern wanted now
    this.playing = null; // the pattern whose cycle is running
    this.timer = null;
    this.burstEnds = 0; // when the last burst scheduled ends, on the audio clock
    this.reminders = 0;
    button.addEventListener('click', () => (this.enabled() ? this.disable() : this.enable()));
    this._show();
  }

  enabled() {
    return this.context !== null && this.context.state === 'running';
  }

  /** Must run inside a user gesture (a click), or the browser keeps the context suspended. */
  enable() {
    if (!this.context) {
      const Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) {
        this.warning.textContent = 'This browser cannot play alarm sounds \u2014 watch the screen';
        return;
      }
      this.context = new Context();
      this.context.onstatechange = () => this._show();
    }
    this.context.resume().then(() => {
      this._show();
      this._restart();
    });
  }

  disable() {
    if (this.context) this.context.suspend().then(() => this._show());
    this._stop();
  }

  /** The pattern that should sound now (an alarm priority, "LINK", or null for silence); called on every change. */
  want(priority) {
    const next = PATTERNS[priority] ? priority : null;
    if (next === this.priority) return;
    this.priority = next;
    this._restart();
  }

  /**
   * One burst of `priority`'s pattern for a reminder, when sound is on and no pattern as urgent is cycling (that one
   * already calls for attention, and two bursts at once would blur both). A less urgent cycle is not replaced: its
   * next burst waits until the reminder's has ended.
   */
  remind(priority) {
    const pattern = PATTERNS[priority];
    if (!pattern || !this.enabled() || priorityRank(this.playing) >= priorityRank(priority)) return;
    const seconds = this._burst(pattern);
    if (this.playing) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this._cycle(), (seconds + AFTER_REMINDER_SECONDS) * 1000);
    }
    this.reminders += 1;
    this._show();
  }

  _restart() {
    this._stop();
    if (!this.enabled() || !this.priority) {
      this._show();
      return;
    }
    this.playing = this.priority;
    this._cycle();
    this._show();
  }

  _stop() {
    clearTimeout(this.timer);
    this.timer = null;
    this.playing = null;
  }

  /** Plays one burst of the current pattern, then schedules the next. */
  _cycle() {
    const pattern = PATTERNS[this.playing];
    this._burst(pattern);
    this.timer = setTimeout(() => this._cycle(), pattern.every * 1000);
  }

  /**
   * Schedules one burst of `pattern` on the audio clock, starting now or, while another burst plays, once it has
   * ended (a reminder's never sounds over a cycle's); returns in how many seconds it ends.
   */
  _burst(pattern) {
    const now = this.context.currentTime;
    const start = Math.max(now + 0.05, this.burstEnds);
    for (const offset of pattern.pulses) this._pulse(pattern.pitch, start + offset);
    this.burstEnds = start + pattern.pulses[pattern.pulses.length - 1] + PULSE_SECONDS;
    return this.burstEnds - now;
  }

  _pulse(pitch, at) {
    const osc = this.context.createOscillator();
    const gain = this.context.createGain();
    osc.type = 'triangle';
    osc.frequency.value = pitch;
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(VOLUME, at + 0.02);
    gain.gain.setValueAtTime(VOLUME, at + PULSE_SECONDS - 0.03);
    gain.gain.linearRampToValueAtTime(0, at + PULSE_SECONDS);
    osc.connect(gain).connect(this.context.destination);
    osc.start(at);
    osc.stop(at + PULSE_SECONDS + 0.01);
  }

  _show() {
    const on = this.enabled();
    this.button.textContent = on ? 'Sound on' : 'Enable sound';
    this.button.setAttribute('aria-pressed', on ? 'true' : 'false');
    this.warning.hidden = on;
    document.body.classList.toggle('sound-off', !on);
    this.state.setAttribute('data-playing', on && this.playing ? this.playing : 'none');
    this.state.setAttribute('data-reminders', String(this.reminders));
  }
}

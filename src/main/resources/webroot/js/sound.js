// WardWatch dashboard: audible alarms through Web Audio. Browsers block sound until the user acts on the page, so
// sound starts only from the "Enable sound" button, and a warning stays on screen for as long as sound is off.
//
// Patterns after IEC 60601-1-8 (burst shapes, not its exact timings): HIGH a burst of 10 pulses (3 + 2, pause, 3 + 2)
// every 6 s; MEDIUM 3 pulses every 10 s; LOW 2 pulses every 20 s. Each priority has its own pitch, so a nurse can
// tell them apart without looking. Only the most urgent alarm sounds. LINK, a low falling pair every 10 s, is the
// page's own technical alarm: its live feed has been lost for a while, so no new alarm can reach it.

const PATTERNS = {
  HIGH: { pitch: 988, pulses: [0, 0.2, 0.4, 0.9, 1.1, 2.0, 2.2, 2.4, 2.9, 3.1], every: 6 },
  MEDIUM: { pitch: 698, pulses: [0, 0.3, 0.6], every: 10 },
  LOW: { pitch: 523, pulses: [0, 0.35], every: 20 },
  LINK: { pitch: 392, pulses: [0, 0.4], every: 10 },
};
const PULSE_SECONDS = 0.15;
const VOLUME = 0.25;

/** Plays the pattern of the most urgent alarm that is asking to be heard; owns the sound button and warning. */
export class AlarmSound {
  /**
   * @param button   the "Enable sound" toggle
   * @param warning  shown while sound is off
   * @param state    element whose data-playing names the pattern playing ("HIGH", "MEDIUM", "LOW", "LINK" or "none")
   */
  constructor(button, warning, state) {
    this.button = button;
    this.warning = warning;
    this.state = state;
    this.context = null;
    this.priority = null; // the pattern wanted now
    this.playing = null; // the pattern whose cycle is running
    this.timer = null;
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

  /** Schedules one burst of the current pattern on the audio clock, then the next burst. */
  _cycle() {
    const pattern = PATTERNS[this.playing];
    const start = this.context.currentTime + 0.05;
    for (const offset of pattern.pulses) this._pulse(pattern.pitch, start + offset);
    this.timer = setTimeout(() => this._cycle(), pattern.every * 1000);
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
  }
}

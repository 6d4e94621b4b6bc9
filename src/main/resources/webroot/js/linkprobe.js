// The live feed's heartbeat. A connection that a dead network cut without closing it (the server lost power, a switch
// dropped the path) stays open for minutes in the browser: the page would show "Live" while no alarm can reach it.
// While the feed is open, the page asks its own node for a probe's answer every PROBE_MS (nothing beyond that node is
// asked: a busy or lost cluster member does not make a healthy link look dead); when MISSES answers in a row have not
// come within ANSWER_MS, it closes the connection, so that the lost-link banner and alarm show at once and reconnection
// starts.

const PROBE_MS = 10000;
const ANSWER_MS = 5000;
const MISSES = 2;
const PROBE_ADDRESS = 'wardwatch.local.link';

export class LinkProbe {
  /** `bus` gives the page's current EventBus. */
  constructor(bus) {
    this.bus = bus;
    this.timer = null;
    this.missed = 0;
  }

  /** Starts probing a connection that just opened. */
  start() {
    this.stop();
    this.timer = setInterval(() => this.probe(), PROBE_MS);
  }

  /** Stops probing (the connection closed). */
  stop() {
    clearInterval(this.timer);
    this.timer = null;
    this.missed = 0;
  }

  probe() {
    const probing = this.timer;
    const eb = this.bus();
    let answered = false;
    if (!eb) return;
    try {
      eb.send(PROBE_ADDRESS, {}, () => {
        answered = true;
        this.missed = 0;
      });
    } catch {
      return; // closing already: its own close starts reconnection
    }
    setTimeout(() => {
      if (answered || this.timer !== probing) return;
      this.missed += 1;
      if (this.missed >= MISSES) {
        console.warn(`WardWatch: ${MISSES} probes of the live feed unanswered; closing it to reconnect`);
        this.stop();
        eb.sockJSConn.close();
      }
    }, ANSWER_MS);
  }
}

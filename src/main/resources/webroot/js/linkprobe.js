// The live feed's heartbeat. A connection that a dead network cut without closing it (the server lost power, a switch
// dropped the path) stays open for minutes in the browser: the page would show "Live" while no alarm can reach it.
// While the feed is open, the page asks the server something small every PROBE_MS (a "sync" of the ward on screen, whose
// answer, an error too, proves the link); when MISSES answers in a row have not come within ANSWER_MS, it closes the
// connection, so that the lost-link banner and alarm show at once and reconnection starts.

const PROBE_MS = 10000;
const ANSWER_MS = 5000;
const MISSES = 2;

export class LinkProbe {
  /** `bus` gives the page's current EventBus, `ward` the ward on screen (null before one is). */
  constructor(bus, ward) {
    this.bus = bus;
    this.ward = ward;
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
    const ward = this.ward();
    let answered = false;
    if (!eb || !ward) return;
    try {
      eb.send(`wardwatch.ward.${ward}.actions`, { action: 'sync' }, () => {
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

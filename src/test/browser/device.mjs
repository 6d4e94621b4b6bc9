// A bedside device for the scenarios: a real TCP connection to the node's device port that writes line frames and
// reads the gateway's answer lines (ACK|<seq>..., NAK|<seq>|<reason>), one per frame, in order.

import net from 'node:net';

export class Device {
  static connect(port) {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port }, () => resolve(new Device(socket)));
      socket.once('error', reject);
    });
  }

  constructor(socket) {
    this.socket = socket;
    this.lines = [];
    this.waiters = [];
    this.buffered = '';
    this.closed = false;
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      const parts = (this.buffered + chunk).split('\n');
      this.buffered = parts.pop();
      for (const part of parts) this.lines.push(part.replace(/\r$/, ''));
      this._wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this._wake();
    });
    socket.on('error', () => {}); // seen as 'close'
  }

  _wake() {
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** The next answer line; rejects when the gateway closes first or none comes within `ms`. */
  async readLine(ms = 10000) {
    const deadline = Date.now() + ms;
    while (!this.lines.length) {
      if (this.closed) throw new Error('device connection closed by the gateway');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no answer line from the gateway within ${ms} ms`);
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
    return this.lines.shift();
  }

  /**
   * Writes `text` (frames ended by \n) and returns the answer of each non-blank frame; throws on a NAK, so a
   * scenario never waits on a page for a frame the gateway refused.
   */
  async send(text) {
    this.socket.write(text);
    const frames = text.split('\n').filter((line) => line.trim() !== '').length;
    const answers = [];
    for (let i = 0; i < frames; i++) answers.push(await this.readLine());
    const nak = answers.find((a) => !a.startsWith('ACK|'));
    if (nak) throw new Error(`gateway refused a frame: ${nak} (sent ${JSON.stringify(text)})`);
    return answers;
  }

  close() {
    this.socket.destroy();
  }
}

/** `HELLO|Device=...|Patient=...|Bed=...|Ward=...` followed by the observation frames given (without line ends). */
export function hello({ device, patient, bed, ward }, ...frames) {
  return [`HELLO|Device=${device}|Patient=${patient}|Bed=${bed}|Ward=${ward}`, ...frames].map((f) => `${f}\n`).join('');
}

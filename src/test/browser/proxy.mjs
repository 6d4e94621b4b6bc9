// A reverse proxy on 127.0.0.1 in front of the node's HTTP port, for the reconnect scenarios: the page is loaded
// through it (so the page's origin is the proxy's), and the scenario cuts the page off the node with it.
// Bodies are streamed both ways (SockJS xhr-streaming needs every chunk as it comes); WebSocket upgrades are piped.

import http from 'node:http';
import net from 'node:net';

const FORBIDDEN = 'HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n';

/**
 * @param target          the node's HTTP port
 * @param port            the proxy's port (the node must allow its origin, http://127.0.0.1:<port>)
 * @param blockWebSocket  refuse every Upgrade, so SockJS falls back to xhr-streaming or xhr-polling
 */
export async function startProxy({ target, port, blockWebSocket = false }) {
  const sockets = new Set();
  const tunnels = new Set(); // [node side, browser side] of each WebSocket piped through
  let refusingUntil = 0;
  const refusing = () => Date.now() < refusingUntil;
  const track = (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };

  const server = http.createServer((req, res) => {
    if (refusing()) {
      res.writeHead(503, { 'Content-Type': 'text/plain', Connection: 'close' }).end('proxy refusing');
      return;
    }
    const upstream = http.request({
      host: '127.0.0.1', port: target, method: req.method, path: req.url, headers: req.headers, agent: false,
    }, (answer) => {
      res.writeHead(answer.statusCode, answer.statusMessage, answer.rawHeaders);
      answer.pipe(res);
    });
    upstream.on('socket', track);
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  server.on('connection', track);
  server.on('upgrade', (req, socket, head) => {
    if (blockWebSocket || refusing()) {
      socket.end(FORBIDDEN);
      return;
    }
    const upstream = net.connect({ host: '127.0.0.1', port: target }, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
      tunnels.add([upstream, socket]);
      socket.on('close', () => tunnels.forEach((t) => t[1] === socket && tunnels.delete(t)));
    });
    track(upstream);
    upstream.on('error', () => socket.destroy());
    upstream.on('close', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
    socket.on('close', () => upstream.destroy());
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });

  return {
    origin: `http://127.0.0.1:${port}`,
    /** Destroys every open connection, browser side and node side: the server side drops the page. */
    dropAll() {
      for (const socket of sockets) socket.destroy();
    },
    /**
     * Stops carrying the open WebSockets' bytes either way, without closing them: a network that died without a
     * reset, as a powered-off server or a switch dropping the path leaves it. New connections are carried as before.
     */
    stall() {
      for (const [node, browser] of tunnels) {
        node.unpipe(browser);
        browser.unpipe(node);
        node.pause();
        browser.pause();
      }
      tunnels.clear();
    },
    /** Answers 503 to every request (and refuses upgrades) for `ms`; resolves when it accepts again. */
    refuse(ms) {
      refusingUntil = Date.now() + ms;
      return new Promise((resolve) => setTimeout(resolve, ms));
    },
    close() {
      this.dropAll();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

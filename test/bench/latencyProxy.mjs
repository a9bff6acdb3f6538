#!/usr/bin/env node
// `node latencyProxy.mjs <target URL> <latency ms>`: an HTTP proxy adding the latency before each
// request reaches the server behind it; prints `PROXY_URL=http://127.0.0.1:<port>` once listening.
// A process of its own: run inside the bench's runner, it shared the event loop with the client
// measured, and a client that reads its pages (our S3 client parses each one's XML) held up the
// proxy's forwarding while one that only counts keys did not.
import http from 'node:http';

const [target, latency] = process.argv.slice(2);
const to = new URL(target);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const server = http.createServer((req, res) => {
  setTimeout(() => {
    const forward = http.request({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  }, Number(latency));
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`PROXY_URL=http://127.0.0.1:${server.address().port}\n`));

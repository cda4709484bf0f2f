// node --experimental-websocket measure.mjs CHROMIUM URL [N]
//
// The time from navigation to the playground's first findings, in real
// time: headless Chromium driven over the DevTools protocol (--dump-dom
// runs in virtual time, where computing takes no time at all). It loads
// URL N times in one browser, reads the page's own data-first-findings-ms
// and its timeline (navigation, wasm ready, first lint), and prints the
// median. A script for docs/performance.md, not a test: nothing is
// asserted but that the page got there.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [chromium, url, n = '5'] = process.argv.slice(2);
if (!url) {
  console.error('usage: node --experimental-websocket measure.mjs CHROMIUM URL [N]');
  process.exit(2);
}
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'emlint-measure-'));
const browser = spawn(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--user-data-dir=${profile}`,
  '--remote-debugging-port=0', 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
const wsURL = await new Promise((resolve, reject) => {
  let err = '';
  browser.stderr.on('data', (d) => {
    err += d;
    const m = err.match(/DevTools listening on (ws:\S+)/);
    if (m) resolve(m[1]);
  });
  browser.on('exit', () => reject(new Error('chromium exited: ' + err)));
});

const ws = new WebSocket(wsURL);
await new Promise((r) => ws.addEventListener('open', r, { once: true }));
let next = 0;
const pending = new Map();
ws.addEventListener('message', (e) => {
  const m = JSON.parse(e.data);
  if (m.id && pending.has(m.id)) {
    pending.get(m.id)(m);
    pending.delete(m.id);
  }
});
function send(method, params = {}, sessionId) {
  const id = ++next;
  ws.send(JSON.stringify({ id, method, params, sessionId }));
  return new Promise((resolve, reject) => pending.set(id, (m) => (m.error ? reject(new Error(JSON.stringify(m.error))) : resolve(m.result))));
}

const times = [];
const marks = {}; // each mark's times, for where the time goes
for (let i = 0; i < Number(n); i++) {
  // A new page each time, with the cache off: a first visit, not a reload.
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  await send('Network.enable', {}, sessionId);
  await send('Network.setCacheDisabled', { cacheDisabled: true }, sessionId);
  await send('Page.navigate', { url: url.replace('#', `?load=${i}#`) }, sessionId);
  let ms;
  for (let t = 0; t < 600 && ms === undefined; t++) {
    await new Promise((r) => setTimeout(r, 50));
    const r = await send('Runtime.evaluate', { expression: 'document.body && document.body.dataset.firstFindingsMs', returnByValue: true }, sessionId);
    if (r.result.value) ms = Number(r.result.value);
  }
  if (ms === undefined) throw new Error('the page never reported its first findings');
  times.push(ms);
  const entries = await send('Runtime.evaluate', {
    expression: `JSON.stringify(performance.getEntriesByType('mark').concat(performance.getEntriesByName(new URL('app.js', location.href).href)).map((e) => [e.entryType === 'mark' ? e.name : 'app.js loaded', Math.round(e.entryType === 'mark' ? e.startTime : e.responseEnd)]))`,
    returnByValue: true,
  }, sessionId);
  for (const [name, t] of JSON.parse(entries.result.value)) (marks[name] ||= []).push(t);
  await send('Target.closeTarget', { targetId });
}
times.sort((a, b) => a - b);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`load to first findings (ms, real time, ${times.length} first visits): min ${times[0]}, median ${median(times)}, max ${times[times.length - 1]}`);
console.log('  medians: ' + Object.entries(marks).sort((a, b) => median(a[1]) - median(b[1])).map(([k, v]) => `${k} ${median(v)}`).join(', '));
ws.close();
browser.kill();
await new Promise((r) => browser.on("exit", r));
try { fs.rmSync(profile, { recursive: true, force: true, maxRetries: 3 }); } catch {}

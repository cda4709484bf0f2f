// A headless Chromium driven over the DevTools protocol, for the tests
// that need real time or real clicks (--dump-dom gives neither). Node 20
// needs --experimental-websocket.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// launch starts Chromium and returns {send, open, close}: send(method,
// params, sessionId) is one protocol call; open(url) opens a new page (cache
// off: a first visit) and returns {eval, close} for it.
export async function launch(chromium) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'emlint-cdp-'));
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
  const send = (method, params = {}, sessionId) => {
    const id = ++next;
    ws.send(JSON.stringify({ id, method, params, sessionId }));
    return new Promise((resolve, reject) => pending.set(id, (m) => (m.error ? reject(new Error(`${method}: ${JSON.stringify(m.error)}`)) : resolve(m.result))));
  };
  const open = async (url) => {
    const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
    await send('Network.enable', {}, sessionId);
    await send('Network.setCacheDisabled', { cacheDisabled: true }, sessionId);
    await send('Page.navigate', { url }, sessionId);
    // evaluate runs an expression in the page (awaiting a promise) and
    // returns its value.
    const evaluate = async (expression) => {
      const r = await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId);
      if (r.exceptionDetails) throw new Error(`${expression}: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
      return r.result.value;
    };
    // until polls an expression until it is truthy, for up to 30 s.
    const until = async (expression) => {
      for (let t = 0; t < 600; t++) {
        const v = await evaluate(expression);
        if (v) return v;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`waited 30 s for ${expression}`);
    };
    return { evaluate, until, close: () => send('Target.closeTarget', { targetId }) };
  };
  const close = async () => {
    const exited = new Promise((r) => (browser.exitCode !== null ? r() : browser.on('exit', r)));
    await send('Browser.close').catch(() => browser.kill()); // a clean exit: its helpers stop writing to the profile
    await exited;
    ws.close();
    try {
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      // A helper process still writing to the profile: it is in the temporary directory.
    }
  };
  return { send, open, close };
}

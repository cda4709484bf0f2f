// node --experimental-websocket measure.mjs CHROMIUM URL [N]
//
// The time from navigation to the playground's first findings, in real
// time: headless Chromium driven over the DevTools protocol (--dump-dom
// runs in virtual time, where computing takes no time at all). It loads
// URL N times in one browser, each a first visit (cache off), reads the
// page's own data-first-findings-ms and its performance marks (wasm
// compiled, Go ready, first findings), and prints the medians. A script
// for docs/performance.md, not a test: nothing is asserted but that the
// page got there.
import { launch } from './cdp.mjs';

const [chromium, url, n = '5'] = process.argv.slice(2);
if (!url) {
  console.error('usage: node --experimental-websocket measure.mjs CHROMIUM URL [N]');
  process.exit(2);
}
const browser = await launch(chromium);
const times = [];
const marks = {}; // each mark's times, for where the time goes
for (let i = 0; i < Number(n); i++) {
  const page = await browser.open(url.replace('#', `?load=${i}#`));
  times.push(Number(await page.until('document.body && document.body.dataset.firstFindingsMs')));
  const entries = await page.evaluate(`JSON.stringify(performance.getEntriesByType('mark')
    .concat(performance.getEntriesByName(new URL('app.js', location.href).href))
    .map((e) => [e.entryType === 'mark' ? e.name : 'app.js loaded', Math.round(e.entryType === 'mark' ? e.startTime : e.responseEnd)]))`);
  for (const [name, t] of JSON.parse(entries)) (marks[name] ||= []).push(t);
  await page.close();
}
await browser.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
times.sort((a, b) => a - b);
console.log(`load to first findings (ms, real time, ${times.length} first visits): min ${times[0]}, median ${median(times)}, max ${times[times.length - 1]}`);
console.log('  medians: ' + Object.entries(marks).sort((a, b) => median(a[1]) - median(b[1])).map(([k, v]) => `${k} ${median(v)}`).join(', '));

// compare.mjs SITE_DIR EMLINT EXAMPLES_DIR
//
// Runs the playground's emlint.wasm (as built into SITE_DIR) under Node on
// every bundled example and compares its findings with what the CLI binary
// EMLINT reports for the same file (`emlint lint --no-config --format json
// FILE`): same rule, severity, message, pointer, line and column range, in
// the same order. Exits 1 on any difference.
import fs from 'node:fs';
import path from 'node:path';
import { lintJSON } from './cli.mjs';

const [site, emlint, examplesDir] = process.argv.slice(2);
if (!examplesDir) {
  console.error('usage: node compare.mjs SITE_DIR EMLINT EXAMPLES_DIR');
  process.exit(2);
}
await import(path.resolve(site, 'wasm_exec.js'));
const go = new Go();
const { instance } = await WebAssembly.instantiate(fs.readFileSync(path.join(site, 'emlint.wasm')), go.importObject);
go.run(instance); // sets globalThis.emlint before it returns

const langs = { '.ps1': 'powershell', '.psm1': 'powershell', '.tf': 'terraform', '.http': 'http', '.rest': 'http', '.md': 'markdown', '.markdown': 'markdown' };
const files = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (!p.endsWith('.golden') && e.name !== 'MANIFEST.md') files.push(p);
  }
})(examplesDir);
files.sort();

const key = (f) => [f.rule, f.severity, f.line, f.column, f.endLine, f.endColumn, f.pointer, f.message].join(' | ');
let differ = 0;
let findings = 0;
for (const file of files) {
  const want = lintJSON(emlint, file).findings.map(key);
  // The page is given text: a UTF-16 script arrives as the editor's string.
  const text = new TextDecoder(detectEncoding(file)).decode(fs.readFileSync(file));
  const lang = langs[path.extname(file).toLowerCase()] ?? 'json';
  const resp = JSON.parse(globalThis.emlint.lint(JSON.stringify({ text, lang })));
  if (resp.error) {
    console.log(`${file}: ${resp.error}`);
    differ++;
    continue;
  }
  const got = resp.findings.map(key);
  findings += got.length;
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    differ++;
    console.log(`${file}: the playground and the CLI differ`);
    for (const g of got.filter((k) => !want.includes(k))) console.log(`  only in the playground: ${g}`);
    for (const w of want.filter((k) => !got.includes(k))) console.log(`  only in the CLI:        ${w}`);
  }
}
console.log(`playground vs CLI: ${files.length} bundled examples, ${findings} findings, ${differ} differ`);
process.exit(differ === 0 && files.length > 50 ? 0 : 1);

// A UTF-16 PowerShell script (one of the examples) starts with its byte
// order mark; everything else is UTF-8.
function detectEncoding(file) {
  const b = fs.readFileSync(file).subarray(0, 2);
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

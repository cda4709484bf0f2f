// The link format (src/fragment.js) under Node's test runner: what the
// page writes, other tools must be able to write too (the README's
// basenc recipe, Node's Buffer), and the page must read it back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBody, encodeBody, formatFragment, parseFragment } from '../src/fragment.js';

const texts = ['', '{}', '{"displayName": "Café “quoted” 😀"}', '$p = @{\r\n  a = 1\r\n}\n', 'x'.repeat(200000)];

test('encodeBody is base64url of the UTF-8 bytes, without padding', () => {
  for (const t of texts) {
    assert.equal(encodeBody(t), Buffer.from(t, 'utf8').toString('base64url'));
    assert.equal(decodeBody(encodeBody(t)), t);
  }
});

test('a fragment round-trips, and auto is not written', () => {
  const state = { body: texts[2], lang: 'powershell', api: 'v1.0', kind: 'policy' };
  const frag = formatFragment(state);
  assert.match(frag, /^body=[A-Za-z0-9_-]*&lang=powershell&api=v1\.0&kind=policy$/);
  assert.deepEqual(parseFragment('#' + frag), { ...state, error: '' });
  assert.equal(formatFragment({ body: '{}', lang: '', api: '', kind: '' }), 'body=e30');
});

test('links mangled by hand or by other tools still read', () => {
  const body = Buffer.from(texts[2], 'utf8');
  for (const enc of [body.toString('base64url'), body.toString('base64'), encodeURIComponent(body.toString('base64'))]) {
    assert.equal(parseFragment(`#body=${enc}&lang=json`).body, texts[2]);
  }
});

test('unknown values are auto, and a body that cannot be read is an error, not an exception', () => {
  assert.deepEqual(parseFragment('#lang=cobol&api=v2&kind=group'), { body: null, lang: '', api: '', kind: '', error: '' });
  for (const bad of ['%%%', 'a', '@@@@', Buffer.from([0xff, 0xfe, 0x41]).toString('base64url')]) {
    const s = parseFragment(`#body=${bad}`);
    assert.equal(s.body, '');
    assert.match(s.error, /could not be read/);
  }
  assert.equal(parseFragment('').body, null);
});

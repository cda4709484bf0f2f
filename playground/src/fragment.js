// The page's state lives in the URL fragment, so that a link reproduces
// what its sender saw and nothing is ever sent to a server:
//
//	#body=<base64url of the UTF-8 text, no padding>&lang=json&api=v1.0&kind=policy
//
// lang, api and kind are written only when they are not auto.

export const LANGS = ['json', 'powershell', 'terraform', 'http', 'markdown'];
export const APIS = ['v1.0', 'beta'];
export const KINDS = ['policy', 'request'];

// encodeBody is base64url without padding of the text's UTF-8 bytes.
export function encodeBody(text) {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  // In chunks: String.fromCharCode(...all) overflows the stack on long texts.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// decodeBody reverses encodeBody; it throws on anything that is not
// base64url of valid UTF-8 (padding and standard base64 are tolerated, as
// links get mangled by hand).
export function decodeBody(s) {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(b64) || b64.length % 4 === 1) {
    throw new Error('it is not base64url');
  }
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('it is not UTF-8 text');
  }
}

// parseFragment reads a location.hash. It returns {body, lang, api, kind,
// error}: body is null when the fragment has none (the page then shows
// its sample), error says why a body could not be read.
export function parseFragment(hash) {
  // Not URLSearchParams: it reads '+' as a space, and standard base64
  // (which has '+') is tolerated in body.
  const params = new Map();
  for (const part of hash.replace(/^#/, '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    let value = eq < 0 ? '' : part.slice(eq + 1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // Left as it is: decodeBody then says what is wrong with it.
    }
    params.set(name, value);
  }
  const state = { body: null, lang: '', api: '', kind: '', error: '' };
  const pick = (name, allowed) => {
    const v = params.get(name) || '';
    return allowed.includes(v) ? v : '';
  };
  state.lang = pick('lang', LANGS);
  state.api = pick('api', APIS);
  state.kind = pick('kind', KINDS);
  if (params.has('body')) {
    try {
      state.body = decodeBody(params.get('body'));
    } catch (e) {
      state.body = '';
      state.error = `The link's body could not be read (${e.message}); the editor starts empty.`;
    }
  }
  return state;
}

// formatFragment is the fragment for a state, without the leading '#'.
export function formatFragment({ body, lang, api, kind }) {
  let s = 'body=' + encodeBody(body);
  if (lang) s += '&lang=' + lang;
  if (api) s += '&api=' + api;
  if (kind) s += '&kind=' + kind;
  return s;
}

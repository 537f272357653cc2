// The share link's state: the form state of every section (never the results) as JSON,
// deflated and written in base64url, for the URL fragment (#deal=…), which browsers never
// send to a server. A version byte leads, so a future format can still read old links.
const VERSION = 1;

function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function pipe(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

/** The state as fragment text. */
export async function encodeState(state) {
  const json = new TextEncoder().encode(JSON.stringify(state));
  const packed = await pipe(json, new CompressionStream('deflate-raw'));
  const out = new Uint8Array(packed.length + 1);
  out[0] = VERSION;
  out.set(packed, 1);
  return toBase64Url(out);
}

/** The state from fragment text; throws on anything that is not a link we wrote. */
export async function decodeState(text) {
  const bytes = fromBase64Url(decodeURIComponent(text));
  if (bytes[0] !== VERSION) throw new Error('unknown link version');
  const json = await pipe(bytes.subarray(1), new DecompressionStream('deflate-raw'));
  const state = JSON.parse(new TextDecoder().decode(json));
  if (!state || typeof state !== 'object' || Array.isArray(state)) throw new Error('not a calculator state');
  return state;
}

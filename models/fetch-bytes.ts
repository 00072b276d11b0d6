/**
 * Fetches a file as bytes, reporting progress (bytes so far, total bytes or `null` when the size
 * is unknown) as the body streams in. Works with `fetch` in the browser, in a worker and in
 * Node ≥ 18.
 */
export async function fetchBytes(
  url: string | URL,
  onProgress?: (loaded: number, total: number | null) => void,
  init?: RequestInit,
): Promise<Uint8Array> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`fetching ${String(url)}: HTTP ${response.status} ${response.statusText}`);
  const header = response.headers.get('content-length');
  const declared = header !== null && /^\d+$/.test(header) ? Number(header) : null;
  // A compressed transfer reports the compressed length: then the total is unknown.
  const total = response.headers.get('content-encoding') ? null : declared;
  if (!response.body) {
    const whole = new Uint8Array(await response.arrayBuffer());
    onProgress?.(whole.byteLength, whole.byteLength);
    return whole;
  }
  const reader = response.body.getReader();
  let buffer = new Uint8Array(total ?? 1 << 20);
  let loaded = 0;
  onProgress?.(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (loaded + value.byteLength > buffer.byteLength) {
      const grown = new Uint8Array(Math.max(buffer.byteLength * 2, loaded + value.byteLength));
      grown.set(buffer.subarray(0, loaded));
      buffer = grown;
    }
    buffer.set(value, loaded);
    loaded += value.byteLength;
    onProgress?.(loaded, total);
  }
  return loaded === buffer.byteLength ? buffer : buffer.slice(0, loaded);
}

/**
 * Inflates gzip bytes with the platform's `DecompressionStream` (every current browser, workers,
 * Node ≥ 18): how the lab ships its binary files compressed from a host that sends them as they are.
 */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Whether `bytes` start with the gzip magic number (1f 8b). */
export const isGzip = (bytes: Uint8Array) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * `fetchBytes` of a gzip file, inflated; progress counts the compressed bytes as they arrive. A host
 * that labels `.gz` files `Content-Encoding: gzip` has the browser inflate them already: then the
 * bytes are used as they come.
 */
export async function fetchGunzipped(
  url: string | URL,
  onProgress?: (loaded: number, total: number | null) => void,
  init?: RequestInit,
): Promise<Uint8Array> {
  const bytes = await fetchBytes(url, onProgress, init);
  return isGzip(bytes) ? gunzip(bytes) : bytes;
}

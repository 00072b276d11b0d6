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

/**
 * A DPMN file (`dataset.ts`) decoded as it arrives: the labels come first, then the images in
 * order, so every complete 784-byte image is usable as soon as its bytes are in. The MNIST lab
 * streams its test set this way after training has started and measures the students on the
 * images in so far. Pure (no fs, no tfjs); `streamMnistSet` is the one fetch.
 */
import { MNIST_SET_HEADER_BYTES, MnistSetFormatError, decodeMnistSet, readMnistHeader, type MnistSet } from './dataset';
import { isGzip } from '../fetch-bytes';

/** A set whose images arrive over time; `images` and `labels` have their full size from the start. */
export interface ArrivingMnistSet extends MnistSet {
  /** Images whose bytes are all in (labels arrive before any image). */
  readonly available: number;
  /** The error that stopped the stream (bad header, truncated, wrong hash), or null. */
  readonly error: Error | null;
  /** Resolves once every image is in and the hash checked; rejects with `error`. */
  readonly complete: Promise<MnistSet>;
}

/** Takes a DPMN file's bytes chunk by chunk (`push`, then `end`), as an `ArrivingMnistSet`. */
export class MnistSetReceiver implements ArrivingMnistSet {
  images: Uint8Array = new Uint8Array(0);
  labels: Uint8Array = new Uint8Array(0);
  count = 0;
  rows = 0;
  cols = 0;
  available = 0;
  error: Error | null = null;
  readonly complete: Promise<MnistSet>;
  private bytes: Uint8Array | null = null;
  private opened = false;
  private head = new Uint8Array(MNIST_SET_HEADER_BYTES);
  private received = 0;
  private settle!: { resolve: (s: MnistSet) => void; reject: (e: Error) => void };

  /**
   * `expect`: the sizes the file must have, known in advance (e.g. the 10,000 test images): the
   * arrays then exist, full size, before the first byte arrives, and a header that says otherwise
   * is an error.
   */
  constructor(private readonly expect?: { count: number; rows: number; cols: number }) {
    this.complete = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    // Callers that only poll `available` / `error` must not see an unhandled rejection.
    this.complete.catch(() => {});
    if (expect) this.allocate(expect.count, expect.rows, expect.cols);
  }

  push(chunk: Uint8Array): void {
    if (this.error) return;
    let data = chunk;
    if (!this.opened) {
      const take = Math.min(MNIST_SET_HEADER_BYTES - this.received, data.length);
      this.head.set(data.subarray(0, take), this.received);
      this.received += take;
      data = data.subarray(take);
      if (this.received < MNIST_SET_HEADER_BYTES) return;
      if (!this.open()) return;
      this.opened = true;
    }
    const bytes = this.bytes!;
    if (data.length === 0) return;
    if (this.received + data.length > bytes.length) return this.fail(new MnistSetFormatError(`more bytes than the header's ${bytes.length}`));
    bytes.set(data, this.received);
    this.received += data.length;
    const pixels = this.rows * this.cols;
    const imageBytes = this.received - MNIST_SET_HEADER_BYTES - this.count;
    this.available = imageBytes > 0 ? Math.min(this.count, Math.floor(imageBytes / pixels)) : 0;
  }

  end(): void {
    if (this.error) return;
    if (!this.opened || this.received !== this.bytes!.length) {
      return this.fail(new MnistSetFormatError(`stream ended after ${this.received} bytes of ${this.opened ? this.bytes!.length : 'a header'} (truncated download?)`));
    }
    try {
      // The whole-file checks (labels, hash) once everything is in.
      const set = decodeMnistSet(this.bytes!);
      this.settle.resolve(set);
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
    }
  }

  fail(error: Error): void {
    if (this.error) return;
    this.error = error;
    this.available = 0;
    this.settle.reject(error);
  }

  /** Reads the header and allocates the whole file; false (and failed) on a bad header. */
  private open(): boolean {
    try {
      const { count, rows, cols } = readMnistHeader(this.head);
      const e = this.expect;
      if (e && (e.count !== count || e.rows !== rows || e.cols !== cols)) {
        throw new MnistSetFormatError(`header says ${count} images of ${rows}×${cols}, expected ${e.count} of ${e.rows}×${e.cols}`);
      }
      if (!e) this.allocate(count, rows, cols);
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
      return false;
    }
    this.bytes!.set(this.head);
    return true;
  }

  private allocate(count: number, rows: number, cols: number): void {
    this.count = count;
    this.rows = rows;
    this.cols = cols;
    this.bytes = new Uint8Array(MNIST_SET_HEADER_BYTES + count * (1 + rows * cols));
    this.labels = this.bytes.subarray(MNIST_SET_HEADER_BYTES, MNIST_SET_HEADER_BYTES + count);
    this.images = this.bytes.subarray(MNIST_SET_HEADER_BYTES + count);
  }
}

/**
 * Fetches a DPMN file (gzip-compressed when it is, inflated on the fly with DecompressionStream)
 * into a receiver, reporting the bytes fetched so far. Returns at once; the set fills as it comes.
 */
export function streamMnistSet(
  url: string | URL,
  onProgress?: (loaded: number, total: number | null) => void,
  receiver = new MnistSetReceiver(),
): ArrivingMnistSet {
  void (async () => {
    const response = await fetch(url);
    if (!response.ok || !response.body) throw new Error(`fetching ${String(url)}: HTTP ${response.status} ${response.statusText}`);
    const header = response.headers.get('content-length');
    const total = header !== null && /^\d+$/.test(header) && !response.headers.get('content-encoding') ? Number(header) : null;
    let loaded = 0;
    let first = true;
    let inflate: WritableStreamDefaultWriter<Uint8Array> | null = null;
    let inflated: Promise<void> | null = null;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      loaded += value.byteLength;
      onProgress?.(loaded, total);
      if (first) {
        first = false;
        // Gzip unless the transport already inflated it (Content-Encoding) or it was never compressed.
        if (isGzip(value)) {
          const ds = new DecompressionStream('gzip');
          inflate = ds.writable.getWriter() as WritableStreamDefaultWriter<Uint8Array>;
          inflated = (async () => {
            const out = ds.readable.getReader();
            for (;;) {
              const r = await out.read();
              if (r.done) return;
              receiver.push(r.value as Uint8Array);
            }
          })();
        }
      }
      if (inflate) await inflate.write(value);
      else receiver.push(value);
      if (receiver.error) {
        await reader.cancel();
        return;
      }
    }
    if (inflate) {
      await inflate.close();
      await inflated;
    }
    receiver.end();
  })().catch((error: unknown) => receiver.fail(error instanceof Error ? error : new Error(String(error))));
  return receiver;
}

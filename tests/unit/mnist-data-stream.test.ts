import { gzipSync } from 'node:zlib';
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { decodeMnistSet, encodeMnistSet, firstOfEachDigit, MNIST_STRIP_FILE, type MnistSet } from '../../models/mnist/dataset';
import { loadTestSet, modelsFile } from '../../models/mnist/load-node';
import { defaultDigits } from '../../src/labs/mnist/worker/index';
import { MnistSetReceiver, streamMnistSet } from '../../models/mnist/dataset-stream';
import { EvaluationPass, type PassSource } from '../../src/labs/mnist/worker/evaluation-pass';

/** A small set: `count` images of 2×2, image i filled with i, label i mod 10. */
function tinySet(count: number): MnistSet {
  return {
    count,
    rows: 2,
    cols: 2,
    labels: Uint8Array.from({ length: count }, (_, i) => i % 10),
    images: Uint8Array.from({ length: count * 4 }, (_, p) => Math.floor(p / 4)),
  };
}

describe('a DPMN file received in chunks', () => {
  it('counts the images whose bytes are all in (labels first), then checks the whole file', async () => {
    const file = encodeMnistSet(tinySet(5)); // 20 header + 5 labels + 20 pixels
    const r = new MnistSetReceiver();
    r.push(file.subarray(0, 10));
    expect(r.count).toBe(0);
    r.push(file.subarray(10, 25)); // header and labels
    expect([r.count, r.available]).toEqual([5, 0]);
    expect([...r.labels]).toEqual([0, 1, 2, 3, 4]);
    r.push(file.subarray(25, 32)); // image 0 and 3 bytes of image 1
    expect(r.available).toBe(1);
    r.push(file.subarray(32));
    expect(r.available).toBe(5);
    r.end();
    const set = await r.complete;
    expect([...set.images.subarray(16, 20)]).toEqual([4, 4, 4, 4]);
  });

  it('fails a truncated file, a corrupted one and one whose header is not the expected size', async () => {
    const file = encodeMnistSet(tinySet(5));
    const cut = new MnistSetReceiver();
    cut.push(file.subarray(0, 40));
    cut.end();
    await expect(cut.complete).rejects.toThrow(/truncated/);
    expect(cut.available).toBe(0);

    const bad = file.slice();
    bad[30] = 99;
    const corrupt = new MnistSetReceiver();
    corrupt.push(bad);
    corrupt.end();
    await expect(corrupt.complete).rejects.toThrow(/hash/);

    const other = new MnistSetReceiver({ count: 6, rows: 2, cols: 2 });
    expect(other.images.length).toBe(24);
    other.push(file);
    expect(other.error?.message).toMatch(/expected 6 of 2×2/);
  });

  it('streams a gzip-compressed file over HTTP into a preallocated receiver', async () => {
    const set = tinySet(300);
    const gz = gzipSync(encodeMnistSet(set));
    const server = createServer((_, res) => {
      res.writeHead(200, { 'Content-Length': gz.length });
      res.end(gz);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const { port } = server.address() as { port: number };
      const receiver = new MnistSetReceiver({ count: 300, rows: 2, cols: 2 });
      let loaded = 0;
      const arriving = streamMnistSet(`http://127.0.0.1:${port}/t.dpmn.gz`, (l) => (loaded = l), receiver);
      const done = await arriving.complete;
      expect(arriving.available).toBe(300);
      expect(loaded).toBe(gz.length);
      expect(Buffer.from(done.images).equals(Buffer.from(set.images))).toBe(true);
    } finally {
      server.close();
    }
  });
});

describe("the digit strip's own file", () => {
  it('holds the first test image of each digit 0–9, the strip the lab shows from the whole set', async () => {
    const strip = decodeMnistSet(gunzipSync(await readFile(modelsFile(MNIST_STRIP_FILE))));
    const test = await loadTestSet();
    expect([...strip.labels]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Buffer.from(strip.images).equals(Buffer.from(firstOfEachDigit(test).images))).toBe(true);
    const fromTest = defaultDigits(test);
    const fromStrip = defaultDigits(strip);
    expect([...fromStrip.labels]).toEqual([...fromTest.labels]);
    expect(Buffer.from(fromStrip.images.buffer).equals(Buffer.from(fromTest.images.buffer))).toBe(true);
  });
});

describe('an evaluation pass over a test set still arriving', () => {
  const source = (calls: [number, number, boolean][]): PassSource => ({
    step: 3,
    async evaluateChunk(start, size, withTeacher = false) {
      calls.push([start, size, withTeacher]);
      // Every model confuses nothing: all `size` images counted on the diagonal of digit 0.
      const c = () => Int32Array.from({ length: 100 }, (_, k) => (k === 0 ? size : 0));
      return { biasCorrected: false, confusions: withTeacher ? [c(), c()] : [c()] };
    },
  });

  it('measures only the images in so far, the teacher too, and completes once all are in', async () => {
    const calls: [number, number, boolean][] = [];
    const pass = new EvaluationPass(3, 2500, 1, false, true);
    expect(pass.canAdvance(0)).toBe(false);
    await pass.advance(source(calls), 1000, 0);
    expect(calls).toEqual([]);
    await pass.advance(source(calls), 1000, 1500);
    await pass.advance(source(calls), 1000, 1500);
    expect(pass.canAdvance(1500)).toBe(false);
    await pass.advance(source(calls), 1000, 2500);
    expect(calls).toEqual([
      [0, 1000, true],
      [1000, 500, true],
      [1500, 1000, true],
    ]);
    expect(pass.complete).toBe(true);
    expect(pass.teacher()!.count).toBe(2500);
    expect(pass.students()[0]!.count).toBe(2500);
    expect(new EvaluationPass(3, 10, 1).teacher()).toBeNull();
  });

  it('a teacher-only pass keeps the last confusion the source gives (the teacher), in its own chunks', async () => {
    const calls: [number, number, boolean][] = [];
    const studentsAndTeacher: PassSource = {
      step: 3,
      async evaluateChunk(start, size, withTeacher = false) {
        calls.push([start, size, withTeacher]);
        const diagonal = (digit: number) => Int32Array.from({ length: 100 }, (_, k) => (k === digit * 11 ? size : 0));
        // Two students that say 0, and a teacher that says 1 (wrong on every image labelled 0).
        return { biasCorrected: false, confusions: withTeacher ? [diagonal(0), diagonal(0), Int32Array.from({ length: 100 }, (_, k) => (k === 1 ? size : 0))] : [diagonal(0), diagonal(0)] };
      },
    };
    const teacher = new EvaluationPass(0, 600, 0, false, true);
    await teacher.advance(studentsAndTeacher, 250, 600);
    await teacher.advance(studentsAndTeacher, 250, 600);
    await teacher.advance(studentsAndTeacher, 250, 600);
    expect(calls).toEqual([
      [0, 250, true],
      [250, 250, true],
      [500, 100, true],
    ]);
    expect(teacher.complete).toBe(true);
    expect(teacher.students()).toEqual([]);
    expect(teacher.teacher()!.errors).toBe(600);
  });
});

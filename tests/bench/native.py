"""
The native half of `npm run bench:native` (tests/bench/native.mjs runs it): the MNIST lab's
training step in PyTorch on the CPU, as the browser half (native-step.worker.ts) runs it in tfjs:
three 784-800-800-10 ReLU students (labels, KD, KD at T = 20, alpha 0.9), batch 128, Adam
(lr 1e-3), on real training images;
  cached:  the teacher's logits precomputed (what the app does once every transfer image is in);
  teacher: plus the 784-1200-1200-10 teacher's forward pass on the batch (no grad).
FLOPs by the app's convention (src/cost/flops.ts): 2 per multiply-add, training = 3x forward, no
biases. Prints one JSON object. Usage: python3 native.py THREADS STEPS
"""
import gzip, json, os, sys, time

import torch
import torch.nn.functional as F

threads, steps = int(sys.argv[1]), int(sys.argv[2])
torch.set_num_threads(threads)
torch.manual_seed(1)
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'models', 'mnist')

with gzip.open(os.path.join(root, 'data', 'train-10000.dpmn.gz'), 'rb') as f:
    raw = f.read()
count = int.from_bytes(raw[8:12], 'little')
labels_all = torch.frombuffer(bytearray(raw[20:20 + count]), dtype=torch.uint8).long()
images_all = torch.frombuffer(bytearray(raw[20 + count:]), dtype=torch.uint8).view(count, 784).float() / 255

w = torch.frombuffer(bytearray(open(os.path.join(root, 'teacher-float32', 'weights.bin'), 'rb').read()), dtype=torch.float32)
sizes = [(784, 1200), (1200,), (1200, 1200), (1200,), (1200, 10), (10,)]
params, at = [], 0
for s in sizes:
    n = 1
    for d in s:
        n *= d
    params.append(w[at:at + n].view(*s))
    at += n

def teacher(x):
    h = torch.relu(x @ params[0] + params[1])
    h = torch.relu(h @ params[2] + params[3])
    return h @ params[4] + params[5]

def student():
    return torch.nn.Sequential(torch.nn.Linear(784, 800), torch.nn.ReLU(), torch.nn.Linear(800, 800), torch.nn.ReLU(), torch.nn.Linear(800, 10))

T, alpha, batch = 20.0, 0.9, 128
with torch.no_grad():
    cache = torch.cat([teacher(images_all[i:i + 1000]) for i in range(0, count, 1000)])

def run(case):
    students = [student() for _ in range(3)]
    opts = [torch.optim.Adam(s.parameters(), lr=1e-3) for s in students]
    g = torch.Generator().manual_seed(2)
    phases = {'teacher': 0.0, 'forward': 0.0, 'backward': 0.0, 'adam': 0.0}

    def step(timed):
        idx = torch.randint(0, count, (batch,), generator=g)
        x, y = images_all[idx], labels_all[idx]
        t0 = time.perf_counter()
        with torch.no_grad():
            tl = teacher(x) if case == 'teacher' else cache[idx]
            target = F.softmax(tl / T, dim=1)
        t1 = time.perf_counter()
        for i, (s, o) in enumerate(zip(students, opts)):
            a = time.perf_counter()
            logits = s(x)
            hard = F.cross_entropy(logits, y)
            if i == 0:
                loss = hard
            else:
                soft = F.kl_div(F.log_softmax(logits / T, dim=1), target, reduction='batchmean') * T * T
                loss = alpha * soft + (1 - alpha) * hard
            b = time.perf_counter()
            o.zero_grad(set_to_none=True)
            loss.backward()
            c = time.perf_counter()
            o.step()
            d = time.perf_counter()
            if timed:
                phases['forward'] += b - a
                phases['backward'] += c - b
                phases['adam'] += d - c
        if timed:
            phases['teacher'] += t1 - t0

    for _ in range(5):
        step(False)
    times = []
    for _ in range(steps):
        start = time.perf_counter()
        step(True)
        times.append((time.perf_counter() - start) * 1000)
    # The median step: robust to other work on the machine (as the browser half).
    ms = sorted(times)[len(times) // 2]
    student_f = 2 * (784 * 800 + 800 * 800 + 800 * 10)
    teacher_f = 2 * (784 * 1200 + 1200 * 1200 + 1200 * 10)
    flops = batch * (3 * 3 * student_f + (teacher_f if case == 'teacher' else 0))
    return {'case': case, 'steps': steps, 'msPerStep': ms, 'flopsPerStep': flops, 'gflops': flops / ms / 1e6,
            'meanMsPerStep': sum(times) / steps, 'phasesMsPerStep': {k: v * 1000 / steps for k, v in phases.items()}}

print(json.dumps({'torch': torch.__version__, 'threads': torch.get_num_threads(), 'blas': torch.__config__.show().split('BLAS_INFO=')[1].split(',')[0] if 'BLAS_INFO=' in torch.__config__.show() else 'unknown',
                  'cases': [run('cached'), run('teacher')]}))

#!/usr/bin/env python3
"""PyTorch side of RecurrentBenchmark: one nn.LSTM / nn.GRU layer, forward + backward.

Same sizes and protocol as dev.seq2seq.nativebackend.rnn.RecurrentBenchmark (batch 64, input
256, hidden 256, 30 steps, 2 threads; warm-up, then best / median / worst of several), so the
two can be put side by side. Usage: python3 bench/torch_rnn_layer.py [--threads 2] [--repeats 7]
"""
import argparse
import statistics
import time

import torch


def measure(cell, bidirectional, args):
    torch.manual_seed(42)
    layer = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[cell](
        args.input, args.hidden, num_layers=1, batch_first=True, bidirectional=bidirectional)
    x = torch.rand(args.batch, args.time, args.input) * 2 - 1
    dirs = 2 if bidirectional else 1
    d_out = torch.rand(args.batch, args.time, dirs * args.hidden) * 2 - 1

    def step():
        layer.zero_grad(set_to_none=True)
        xi = x.clone().requires_grad_(True)  # the kernel also returns dx
        t0 = time.perf_counter()
        out, _ = layer(xi)
        t1 = time.perf_counter()
        out.backward(d_out)
        t2 = time.perf_counter()
        return (t1 - t0) * 1e3, (t2 - t0) * 1e3

    for _ in range(args.warmup):
        step()
    runs = [step() for _ in range(args.repeats)]
    fwd = min(r[0] for r in runs)
    total = sorted(r[1] for r in runs)
    return fwd, total[0], statistics.median(total), total[-1]


def main():
    p = argparse.ArgumentParser()
    for name, default in [("batch", 64), ("input", 256), ("hidden", 256), ("time", 30),
                          ("threads", 2), ("warmup", 2), ("repeats", 7)]:
        p.add_argument("--" + name, type=int, default=default)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, {vars(args)}")
    for cell in ("lstm", "gru"):
        for bi in (False, True):
            fwd, best, median, worst = measure(cell, bi, args)
            print(f"{cell:4} {'bi' if bi else 'uni':5} fwd {fwd:8.2f} ms | fwd+bwd best {best:8.2f}"
                  f"  median {median:8.2f}  worst {worst:8.2f} ms | "
                  f"{args.batch * 1000 / best:8.0f} seq/s")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Reference vectors for the fused recurrent layers, from PyTorch's nn.RNN/LSTM/GRU.

Writes modules/testkit/src/main/resources/dev/seq2seq/testkit/torch_recurrent_vectors.json:
for every cell type x {uni, bi} x {1, 2 layers}, float64 weights in PyTorch's names and gate
layouts, a padded batch with variable lengths (pack_padded_sequence), an initial state, and the
outputs, final states and gradients of loss = sum(out * R) + sum(h_n * S) [+ sum(c_n * Sc)].
Run with Debian's python3-torch: /usr/bin/python3 bench/torch_recurrent_vectors.py
"""
import json
import os
import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

torch.manual_seed(2026)
BATCH, TIME, INPUT, HIDDEN = 3, 4, 3, 4
LENGTHS = [4, 2, 3]


def flat(t):
    return [round(float(v), 15) for v in t.detach().reshape(-1).tolist()]


def case(kind, nonlinearity, layers, bidirectional):
    if kind == "lstm":
        net = torch.nn.LSTM(INPUT, HIDDEN, layers, batch_first=True, bidirectional=bidirectional)
    elif kind == "gru":
        net = torch.nn.GRU(INPUT, HIDDEN, layers, batch_first=True, bidirectional=bidirectional)
    else:
        net = torch.nn.RNN(INPUT, HIDDEN, layers, nonlinearity=nonlinearity, batch_first=True,
                           bidirectional=bidirectional)
    net = net.double()
    d = 2 if bidirectional else 1
    x = torch.randn(BATCH, TIME, INPUT, dtype=torch.float64, requires_grad=True)
    h0 = (0.5 * torch.randn(layers * d, BATCH, HIDDEN, dtype=torch.float64)).requires_grad_()
    c0 = (0.5 * torch.randn(layers * d, BATCH, HIDDEN, dtype=torch.float64)).requires_grad_()
    packed = pack_padded_sequence(x, torch.tensor(LENGTHS), batch_first=True, enforce_sorted=False)
    out, state = net(packed, (h0, c0) if kind == "lstm" else h0)
    out, _ = pad_packed_sequence(out, batch_first=True, total_length=TIME)
    hn, cn = state if kind == "lstm" else (state, None)
    r = torch.randn_like(out)
    s = torch.randn_like(hn)
    loss = (out * r).sum() + (hn * s).sum()
    sc = None
    if cn is not None:
        sc = torch.randn_like(cn)
        loss = loss + (cn * sc).sum()
    loss.backward()
    names = [n for n, _ in net.named_parameters()]
    params = dict(net.named_parameters())
    name = kind if kind != "rnn" else "rnn_" + nonlinearity
    return {
        "name": f"{name}-{'bi' if bidirectional else 'uni'}-{layers}layer",
        "cell": name, "layers": layers, "bidirectional": bidirectional,
        "batch": BATCH, "time": TIME, "input_size": INPUT, "hidden_size": HIDDEN,
        "lengths": LENGTHS,
        "input": flat(x), "h0": flat(h0), "c0": flat(c0) if kind == "lstm" else None,
        "weight_names": names,
        "weights": {n: flat(params[n]) for n in names},
        "r": flat(r), "s": flat(s), "sc": flat(sc) if sc is not None else None,
        "output": flat(out), "h_n": flat(hn), "c_n": flat(cn) if cn is not None else None,
        "grad_input": flat(x.grad), "grad_h0": flat(h0.grad),
        "grad_c0": flat(c0.grad) if kind == "lstm" else None,
        "grad_weights": {n: flat(params[n].grad) for n in names},
    }


cases = []
for kind, nl in [("rnn", "tanh"), ("rnn", "relu"), ("lstm", None), ("gru", None)]:
    for bi in (False, True):
        for layers in (1, 2):
            cases.append(case(kind, nl, layers, bi))

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
target = os.path.join(root, "modules/testkit/src/main/resources/dev/seq2seq/testkit")
os.makedirs(target, exist_ok=True)
with open(os.path.join(target, "torch_recurrent_vectors.json"), "w") as f:
    json.dump({"source": f"torch {torch.__version__} nn.RNN/LSTM/GRU, float64, "
                         "pack_padded_sequence, loss = sum(out*r) + sum(h_n*s) [+ sum(c_n*sc)]",
               "cases": cases}, f)
print(len(cases), "cases")

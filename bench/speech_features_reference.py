#!/usr/bin/env python3
"""Reference asr-small features for one FSDD file, for the Java features test.

The peer (torch_ctc_asr.py) uses torchaudio.transforms.MelSpectrogram(rate, n_fft=int(0.025 * rate),
hop_length=int(0.010 * rate), n_mels=40). torchaudio is not installed where this was generated,
so its defaults are spelled out with plain torch: torch.stft (periodic Hann window, center=True,
reflect padding, power 2) and melscale_fbanks (HTK scale, norm=None, f_max = rate // 2), copied
from torchaudio's source. Then, as the peer: log(mel + 1e-6), (x - mean) / (std + 1e-5), stack 2.

Usage: speech_features_reference.py FSDD_RECORDINGS_DIR OUT_FILE [NAME]
Writes 'raw' (log-mel before normalisation, frames x 40) and 'stacked' (frames/2 x 80) blocks.
"""
import math
import sys
import wave

import torch


def load(path):  # as the peer
    with wave.open(path) as w:
        pcm = torch.frombuffer(bytearray(w.readframes(w.getnframes())), dtype=torch.int16).double() / 32768
        return pcm, w.getframerate()


def mel_fbanks(n_freqs, f_min, f_max, n_mels, rate):
    all_freqs = torch.linspace(0, rate // 2, n_freqs, dtype=torch.float64)
    hz_to_mel = lambda f: 2595.0 * math.log10(1.0 + f / 700.0)
    m_pts = torch.linspace(hz_to_mel(f_min), hz_to_mel(f_max), n_mels + 2, dtype=torch.float64)
    f_pts = 700.0 * (10.0 ** (m_pts / 2595.0) - 1.0)
    f_diff = f_pts[1:] - f_pts[:-1]
    slopes = f_pts.unsqueeze(0) - all_freqs.unsqueeze(1)
    down = (-1.0 * slopes[:, :-2]) / f_diff[:-1]
    up = slopes[:, 2:] / f_diff[1:]
    return torch.max(torch.zeros(1, dtype=torch.float64), torch.min(down, up))  # n_freqs x n_mels


def main():
    folder, out = sys.argv[1], sys.argv[2]
    name = sys.argv[3] if len(sys.argv) > 3 else "0_george_0.wav"
    pcm, rate = load(f"{folder}/{name}")
    n_fft, hop = int(0.025 * rate), int(0.010 * rate)
    window = torch.hann_window(n_fft, periodic=True, dtype=torch.float64)
    spec = torch.stft(pcm, n_fft, hop_length=hop, win_length=n_fft, window=window, center=True,
                      pad_mode="reflect", normalized=False, onesided=True, return_complex=True)
    power = spec.abs() ** 2  # bins x frames
    mel = (mel_fbanks(n_fft // 2 + 1, 0.0, float(rate // 2), 40, rate).T @ power)  # 40 x frames
    raw = (mel + 1e-6).log().T
    x = (raw - raw.mean(0)) / (raw.std(0) + 1e-5)
    n = x.size(0) // 2 * 2
    stacked = x[:n].reshape(n // 2, 80)
    with open(out, "w") as f:
        f.write(f"# {name}: asr-small features from bench/speech_features_reference.py (torch {torch.__version__})\n")
        for label, m in (("raw", raw), ("stacked", stacked)):
            f.write(f"{label} {m.shape[0]} {m.shape[1]}\n")
            for row in m.tolist():
                f.write(" ".join(f"{v:.7g}" for v in row) + "\n")


if __name__ == "__main__":
    main()

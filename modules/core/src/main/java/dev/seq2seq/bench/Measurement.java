package dev.seq2seq.bench;

/**
 * One measured figure.
 *
 * @param name what was measured, such as {@code sgemm vector n=1024}
 * @param value the figure (best of the repetitions unless the note says otherwise)
 * @param unit such as {@code GFLOP/s} or {@code sequences/s}
 * @param note how it was measured (threads, repetitions, spread); may be empty
 */
public record Measurement(String name, double value, String unit, String note) {}

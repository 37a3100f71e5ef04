package dev.seq2seq.bench;

/**
 * @param backend registered backend name, for benchmarks that run on a backend
 * @param threads worker threads (0 = one per core)
 * @param quick fewer repetitions, for smoke tests; numbers are then only indicative
 */
public record BenchmarkOptions(String backend, int threads, boolean quick) {}

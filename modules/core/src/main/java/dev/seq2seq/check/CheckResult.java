package dev.seq2seq.check;

/**
 * One numeric self-check.
 *
 * @param name what was checked, such as {@code op/matmul} or {@code cell/lstm-bi-2layer}
 * @param passed whether {@code maxError} is within the check's tolerance
 * @param maxError the largest error seen (relative or absolute, as the check defines)
 * @param detail a short explanation, empty when passed
 */
public record CheckResult(String name, boolean passed, double maxError, String detail) {}

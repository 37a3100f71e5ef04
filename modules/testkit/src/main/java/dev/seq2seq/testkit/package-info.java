/**
 * The conformance kit: abstract JUnit 5 classes that every backend runs unchanged, so that all
 * backends compute the same numbers and honour the same contracts.
 *
 * <p>A backend's test sources subclass every abstract {@code *Conformance} class here and
 * implement {@code backend()}; see the native backend's {@code conformance} test package. The
 * numeric checks shared with {@code seq2seq doctor} ({@link dev.seq2seq.check.GradientCheck},
 * {@link dev.seq2seq.check.OpChecks}, {@link dev.seq2seq.check.RecurrentChecks}) live in the
 * core; {@link dev.seq2seq.testkit.ReferenceRecurrence} is the readable, op-by-op definition of
 * the recurrent cells that fused kernels are compared with.
 */
package dev.seq2seq.testkit;

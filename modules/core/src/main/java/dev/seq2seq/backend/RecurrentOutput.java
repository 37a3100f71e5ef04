package dev.seq2seq.backend;

/**
 * Result of a fused recurrent pass.
 *
 * @param output {@code [batch, time, directions * hidden]}; zero at padded steps
 * @param state the state after each sequence's own last valid step (for the reverse direction,
 *     after step 0)
 */
public record RecurrentOutput(Tensor output, RecurrentState state) {}

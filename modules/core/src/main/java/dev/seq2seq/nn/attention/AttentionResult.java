package dev.seq2seq.nn.attention;

import dev.seq2seq.backend.Tensor;

/**
 * @param context weighted sum of encoder states {@code [B, Hk]}
 * @param weights attention distribution {@code [B, T]}: rows sum to 1, 0 on padding
 */
public record AttentionResult(Tensor context, Tensor weights) {}

package dev.seq2seq.task.translation.corpus;

/** One aligned pair and the (1-based) line it came from, for messages. */
public record SentencePair(long line, String source, String target) {}

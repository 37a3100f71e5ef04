package dev.seq2seq.task.classification.data;

/**
 * One sentence and its label as read from the data.
 *
 * @param origin where it was read ({@code file:line}), for messages
 */
public record LabeledSentence(String label, String text, String origin) {}

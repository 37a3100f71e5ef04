package dev.seq2seq.data;

/** Where a dataset is published: a repository and the commit the sums were taken from. */
public record Source(String repository, String commit) {}

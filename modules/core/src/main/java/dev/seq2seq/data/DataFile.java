package dev.seq2seq.data;

/** One file of a dataset: its path relative to the dataset folder ({@code /}-separated), size and SHA-256. */
public record DataFile(String path, long size, String sha256) {}

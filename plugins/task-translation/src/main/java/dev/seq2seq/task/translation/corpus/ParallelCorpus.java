package dev.seq2seq.task.translation.corpus;

import dev.seq2seq.util.TextLines;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A parallel corpus on disk: two line-aligned files (plain or gzip) or one tab-separated file.
 * Nothing is held in memory: every read streams the files again, one pair at a time.
 *
 * @param source the source-side file, or the TSV file
 * @param target the target-side file; null for a TSV corpus
 * @param limit read at most this many pairs (lines) from the start
 */
public record ParallelCorpus(Path source, Path target, Charset charset, long limit) {

  public ParallelCorpus {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(charset, "charset");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, got " + limit);
    }
  }

  /** Two line-aligned files, UTF-8. */
  public static ParallelCorpus lines(Path source, Path target) {
    return new ParallelCorpus(source, Objects.requireNonNull(target, "target"), StandardCharsets.UTF_8, Long.MAX_VALUE);
  }

  /** One file of {@code source<TAB>target} lines, UTF-8. */
  public static ParallelCorpus tsv(Path file) {
    return new ParallelCorpus(file, null, StandardCharsets.UTF_8, Long.MAX_VALUE);
  }

  public ParallelCorpus withCharset(Charset cs) {
    return new ParallelCorpus(source, target, cs, limit);
  }

  /** Only the first {@code pairs} lines. */
  public ParallelCorpus limit(long pairs) {
    return new ParallelCorpus(source, target, charset, pairs);
  }

  /** Streams the kept pairs to {@code sink} and reports what was dropped. */
  public CorpusReport read(PairFilter filter, Consumer<SentencePair> sink) {
    long read = 0;
    long kept = 0;
    long empty = 0;
    long tooLong = 0;
    try (PairReader in = new PairReader()) {
      for (SentencePair p = in.next(); p != null; p = in.next()) {
        read++;
        if (p.source().isBlank() || p.target().isBlank()) {
          empty++;
        } else if (filter.sourceLength().applyAsInt(p.source()) > filter.maxLength()
            || filter.targetLength().applyAsInt(p.target()) > filter.maxLength()) {
          tooLong++;
        } else {
          kept++;
          sink.accept(p);
        }
      }
    }
    return new CorpusReport(read, kept, empty, tooLong, filter.maxLength());
  }

  /** Every pair (unfiltered), streamed anew on each iteration. */
  public Iterable<SentencePair> pairs() {
    return () -> new PairIterator<>(p -> p);
  }

  /** The source sentences, streamed: what a learned tokenizer reads. */
  public Iterable<String> sources() {
    return () -> new PairIterator<>(SentencePair::source);
  }

  public Iterable<String> targets() {
    return () -> new PairIterator<>(SentencePair::target);
  }

  /** Pulls pairs from both files in step, checking alignment. */
  private final class PairReader implements AutoCloseable {
    private final TextLines first;
    private final TextLines second;
    private long pairs;

    PairReader() {
      first = TextLines.open(source, charset, CorpusException::new);
      TextLines other = null;
      try {
        other = target == null ? null : TextLines.open(target, charset, CorpusException::new);
      } finally {
        if (target != null && other == null) {
          first.close();
        }
      }
      second = other;
    }

    SentencePair next() {
      if (pairs >= limit) {
        return null;
      }
      String a = first.next();
      if (second == null) {
        if (a == null) {
          return null;
        }
        pairs++;
        int tab = a.indexOf('\t');
        if (tab < 0 || a.indexOf('\t', tab + 1) >= 0) {
          throw new CorpusException(source + ":" + first.lineNumber() + ": expected source<TAB>target (exactly one tab), found "
              + (tab < 0 ? "none" : "more than one"));
        }
        return new SentencePair(first.lineNumber(), a.substring(0, tab), a.substring(tab + 1));
      }
      String b = second.next();
      if (a == null && b == null) {
        return null;
      }
      if (a == null || b == null) {
        TextLines longer = a == null ? second : first;
        while (longer.next() != null) {
          // count the rest, so the message gives both line counts
        }
        throw new CorpusException("the sides of the corpus differ in length: " + source + " has " + first.lineNumber()
            + " lines but " + target + " has " + second.lineNumber() + " (pairs are aligned line by line)");
      }
      pairs++;
      return new SentencePair(first.lineNumber(), a, b);
    }

    @Override
    public void close() {
      try {
        first.close();
      } finally {
        if (second != null) {
          second.close();
        }
      }
    }
  }

  /** Closes the files when the last pair has been handed out. */
  private final class PairIterator<T> implements Iterator<T> {
    private final Function<SentencePair, T> view;
    private final PairReader reader = new PairReader();
    private SentencePair ahead;

    PairIterator(Function<SentencePair, T> view) {
      this.view = view;
      advance();
    }

    private void advance() {
      try {
        ahead = reader.next();
      } catch (RuntimeException e) {
        reader.close();
        throw e;
      }
      if (ahead == null) {
        reader.close();
      }
    }

    @Override
    public boolean hasNext() {
      return ahead != null;
    }

    @Override
    public T next() {
      if (ahead == null) {
        throw new NoSuchElementException();
      }
      T value = view.apply(ahead);
      advance();
      return value;
    }
  }
}

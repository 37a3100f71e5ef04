package dev.seq2seq.task.translation.corpus;

/** What reading a corpus did: pairs read, kept, and dropped by reason. */
public record CorpusReport(long read, long kept, long empty, long tooLong, int maxLength) {

  @Override
  public String toString() {
    return "read " + read + " pairs, kept " + kept + "; dropped " + empty + " with an empty side and "
        + tooLong + (maxLength == Integer.MAX_VALUE ? " too long" : " longer than " + maxLength + " tokens");
  }
}

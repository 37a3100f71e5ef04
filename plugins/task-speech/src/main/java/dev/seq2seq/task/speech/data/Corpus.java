package dev.seq2seq.task.speech.data;

import java.util.List;

/** The three splits of a speech corpus. Test utterances never appear in training. */
public record Corpus(List<Utterance> train, List<Utterance> validation, List<Utterance> test) {
  public Corpus {
    train = List.copyOf(train);
    validation = List.copyOf(validation);
    test = List.copyOf(test);
  }
}

package dev.seq2seq.task.speech;

import dev.seq2seq.recipe.TaskConfig;
import dev.seq2seq.recipe.config.Doc;

@Doc("Speech to text: an acoustic model trained with CTC to write characters (a-z, space,"
    + " apostrophe) from audio features; decoded greedily or by prefix beam search"
    + " (decode.beam_size). Scored by loss, WER and CER (percent) and exact-transcript accuracy.")
public record SpeechTaskConfig() implements TaskConfig {}

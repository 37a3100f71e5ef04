package dev.seq2seq.task.speech;

import dev.seq2seq.recipe.DataConfig;
import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.Positive;
import dev.seq2seq.task.speech.data.CorpusConfig;
import dev.seq2seq.task.speech.features.FeaturesConfig;
import dev.seq2seq.task.speech.features.SpecAugmentConfig;
import dev.seq2seq.recipe.config.Checked;
import dev.seq2seq.recipe.config.Violation;
import java.util.ArrayList;
import java.util.List;

@Doc("Utterances, features and augmentation. Audio is resampled to sample_rate; features are"
    + " computed once per utterance and kept in memory. Batching follows train.batch_size,"
    + " batch_by (tokens = feature steps) and bucketing.")
public record SpeechDataConfig(
    @Doc("Where the utterances come from, by `type`: fsdd, fsdd_connected or manifest.")
        @Default("{type: fsdd}") CorpusConfig corpus,
    @Doc("Sample rate the model hears, Hz; other rates are resampled.") @Default("8000") @Positive
        int sampleRate,
    @Doc("Acoustic features, by `type`: log_mel or mfcc.") @Default("{type: log_mel}")
        FeaturesConfig features,
    @Doc("Masking of training features (off by default).")
        @Default("{time_masks: 0, freq_masks: 0}") SpecAugmentConfig specAugment,
    @Doc("Speed perturbation (Ko et al. 2015): every training utterance is also used played at"
        + " each of these speeds (pitch and tempo change together), e.g. [0.9, 1.0, 1.1] triples"
        + " the training set. Each speed is rounded to a resampling ratio with a small period.")
        @Default("[1.0]") List<Double> speedPerturb,
    @Doc("Also normalise every dimension by the training set's mean and standard deviation (saved"
        + " with the model as cmvn.json).") @Default("false") boolean globalCmvn,
    @Doc("Use at most this many training utterances, evenly spread (0: all); for smoke tests.")
        @Default("0") @Min(0) int maxTrain,
    @Doc("At most this many validation utterances, evenly spread (0: all).") @Default("0") @Min(0)
        int maxValidation,
    @Doc("At most this many test utterances, evenly spread (0: all).") @Default("0") @Min(0)
        int maxTest)
    implements DataConfig, Checked {

  public SpeechDataConfig {
    speedPerturb = List.copyOf(speedPerturb);
  }

  @Override
  public List<Violation> validate() {
    List<Violation> problems = new ArrayList<>();
    if (speedPerturb.isEmpty()) {
      problems.add(Violation.at("speed_perturb", "must list at least one speed (1.0: as recorded)"));
    }
    for (int i = 0; i < speedPerturb.size(); i++) {
      double f = speedPerturb.get(i);
      if (!(f >= 0.5 && f <= 2.0)) {
        problems.add(Violation.at("speed_perturb[" + i + "]", "must be between 0.5 and 2.0, got " + f));
      }
      if (speedPerturb.subList(0, i).contains(f)) {
        problems.add(Violation.at("speed_perturb[" + i + "]", "speed " + f + " is listed twice"));
      }
    }
    return problems;
  }
}

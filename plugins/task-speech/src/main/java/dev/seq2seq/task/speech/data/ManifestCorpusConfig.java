package dev.seq2seq.task.speech.data;

import dev.seq2seq.recipe.config.Doc;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

@Doc("Utterances listed in JSONL manifests, one object per line: {\"audio\": PATH, \"text\":"
    + " TRANSCRIPT, \"duration\": SECONDS (optional)}; audio paths are relative to the manifest."
    + " Any WAV format and rate the task reads (resampled to sample_rate).")
public record ManifestCorpusConfig(
    @Doc("Training manifest.") Path train,
    @Doc("Validation manifest.") Path validation,
    @Doc("Test manifest (seq2seq evaluate).") Path test)
    implements CorpusConfig {

  @Override
  public Corpus load(Supplier<Path> fsdd, long seed) throws IOException {
    return new Corpus(JsonlManifest.utterances(train), JsonlManifest.utterances(validation),
        JsonlManifest.utterances(test));
  }
}

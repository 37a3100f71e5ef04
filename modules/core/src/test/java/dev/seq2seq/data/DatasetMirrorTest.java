package dev.seq2seq.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every catalogued dataset against the real mirror: the catalogue's sizes and sums are right. */
class DatasetMirrorTest {
  @TempDir Path cache;

  @Test
  void everyDatasetResolvesFromTheMirrorAndVerifies() {
    Path mirror = TestData.mirror();
    DatasetResolver resolver = new DatasetResolver(Catalogue.bundled(),
        new DataEnvironment(Optional.of(mirror), cache, true),
        uri -> { throw new AssertionError("no download expected: " + uri); },
        TestData.quiet(new ByteArrayOutputStream()));
    for (Dataset d : resolver.catalogue().datasets()) {
      DatasetResolver.Resolution first = resolver.resolve(d.name());
      assertThat(first.location()).as(d.name()).isEqualTo(DatasetResolver.Location.MIRROR);
      assertThat(first.folder()).isEqualTo(mirror.resolve(d.name()));
      assertThat(first.hashed()).as("first use computes the sums").isTrue();

      DatasetResolver.Resolution second = resolver.resolve(d.name());
      assertThat(second.hashed()).as("the verified marker spares the second use").isFalse();
      assertThat(resolver.verify(d.name())).as(d.name()).isEmpty();
    }
  }
}

package dev.seq2seq.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  @Test
  void suggestsTyposAndTranspositions() {
    List<String> names = List.of("native", "djl");
    assertThat(Suggestions.closest("natvie", names)).contains("native");
    assertThat(Suggestions.closest("nativ", names)).contains("native");
    assertThat(Suggestions.closest("dj", names)).contains("djl");
    assertThat(Suggestions.didYouMean("natve", names)).isEqualTo(" (did you mean 'native'?)");
  }

  @Test
  void staysQuietWhenNothingIsClose() {
    assertThat(Suggestions.closest("tensorflow", List.of("native", "djl"))).isEmpty();
    assertThat(Suggestions.closest("x", List.of())).isEmpty();
    assertThat(Suggestions.didYouMean("zzz", List.of("native"))).isEmpty();
  }

  @Test
  void distanceCountsEdits() {
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
  }
}

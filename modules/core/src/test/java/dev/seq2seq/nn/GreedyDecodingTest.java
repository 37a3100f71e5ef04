package dev.seq2seq.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GreedyDecodingTest {
  static final int BOS = 1;
  static final int EOS = 2;

  @Test
  void rowsStopAtEndOfSequenceAndTheLoopStopsWhenAllAreDone() {
    // Row 0 emits 5, 6, EOS; row 1 emits 7, EOS. A finished row's later tokens are ignored.
    int[][] script = {{5, 7}, {6, EOS}, {EOS, 9}, {8, 8}};
    List<int[]> fed = new ArrayList<>();
    List<int[]> out =
        GreedyDecoding.decode(2, BOS, EOS, 10, previous -> {
          fed.add(previous.clone());
          return script[fed.size() - 1];
        });
    assertThat(out).containsExactly(new int[] {5, 6}, new int[] {7});
    assertThat(fed).hasSize(3); // stopped once both rows were done
    assertThat(fed.get(0)).containsExactly(BOS, BOS);
    assertThat(fed.get(1)).containsExactly(5, 7);
  }

  @Test
  void maxStepsBoundsRowsThatNeverEnd() {
    List<int[]> out = GreedyDecoding.decode(1, BOS, EOS, 3, previous -> new int[] {4});
    assertThat(out).containsExactly(new int[] {4, 4, 4});
  }
}

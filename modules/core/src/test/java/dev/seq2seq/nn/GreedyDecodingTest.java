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

  @Test
  void aCompactingStepStopsGettingFinishedRows() {
    // Each sentence b emits b + 1 tokens "10 + b" then </s>; rows drop out as they finish.
    int batch = 8;
    List<int[]> fed = new ArrayList<>();
    List<int[]> kept = new ArrayList<>();
    GreedyDecoding.CompactingStep step = new GreedyDecoding.CompactingStep() {
      int[] sentence = {0, 1, 2, 3, 4, 5, 6, 7};
      int t;

      @Override
      public int[] next(int[] previous) {
        fed.add(previous.clone());
        int[] out = new int[previous.length];
        for (int k = 0; k < out.length; k++) {
          out[k] = t <= sentence[k] ? 10 + sentence[k] : EOS;
        }
        t++;
        return out;
      }

      @Override
      public void keep(int[] rows) {
        kept.add(rows.clone());
        int[] next = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
          next[k] = sentence[rows[k]];
        }
        sentence = next;
      }
    };
    List<int[]> out = GreedyDecoding.decode(batch, BOS, EOS, 20, step);
    for (int b = 0; b < batch; b++) {
      int[] expected = new int[b + 1];
      java.util.Arrays.fill(expected, 10 + b);
      assertThat(out.get(b)).containsExactly(expected);
    }
    assertThat(fed).hasSize(9);
    // Two of eight have finished after the third step: a quarter, so they leave.
    assertThat(kept.get(0)).containsExactly(2, 3, 4, 5, 6, 7);
    assertThat(fed.get(2)).hasSize(batch);
    assertThat(fed.get(3)).containsExactly(12, 13, 14, 15, 16, 17);
    assertThat(fed.get(fed.size() - 1)).hasSizeLessThan(batch);
  }
}

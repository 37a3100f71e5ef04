package dev.seq2seq.task.lm.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreamLayoutTest {
  private static final int[] ELEVEN = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

  @Test
  void cutsTheTextIntoContiguousStreamsReadInWindows() {
    // 11 tokens, 2 streams: (11 - 1) / 2 = 5 predictions per stream; bptt 3: windows of 3 and 2.
    StreamLayout layout = new StreamLayout(ELEVEN, 2, 3);
    assertThat(layout.streamLength()).isEqualTo(5);
    assertThat(layout.windows()).isEqualTo(2);

    Window first = layout.window(0);
    assertThat(first.steps()).isEqualTo(3);
    assertThat(first.inputs()).containsExactly(0, 1, 2, /* stream 1 */ 5, 6, 7);
    assertThat(first.targets()).containsExactly(1, 2, 3, /* stream 1 */ 6, 7, 8);
    assertThat(first.lengths()).isNull();
    assertThat(first.tokens()).isEqualTo(6);

    Window second = layout.window(1);
    assertThat(second.steps()).isEqualTo(2);
    assertThat(second.inputs()).containsExactly(3, 4, 8, 9);
    assertThat(second.targets()).containsExactly(4, 5, 9, 10);
  }

  @Test
  void dropsOnlyTheRemainderThatDoesNotFillEveryStream() {
    // 12 tokens, 3 streams: 11 predictions, 3 per stream, the last 2 tokens' predictions dropped.
    StreamLayout layout = new StreamLayout(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 3, 5);
    assertThat(layout.windows()).isEqualTo(1);
    Window w = layout.window(0);
    assertThat(w.inputs()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(w.targets()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void eachWindowContinuesWhereTheSameRowStopped() {
    int[] ids = new int[1000];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = i;
    }
    StreamLayout layout = new StreamLayout(ids, 7, 9);
    for (int i = 0; i + 1 < layout.windows(); i++) {
      Window a = layout.window(i);
      Window b = layout.window(i + 1);
      for (int s = 0; s < 7; s++) {
        int lastTarget = a.targets()[s * a.steps() + a.steps() - 1];
        assertThat(b.inputs()[s * b.steps()]).isEqualTo(lastTarget);
      }
    }
    // The same index always gives the same window (resumable from the position alone).
    assertThat(layout.window(3).inputs()).isEqualTo(layout.window(3).inputs());
  }

  @Test
  void rejectsATextTooShortForTheStreams() {
    assertThatThrownBy(() -> new StreamLayout(new int[] {1, 2, 3}, 4, 10))
        .hasMessageContaining("3 tokens, too few for 4 streams");
    assertThatThrownBy(() -> new StreamLayout(ELEVEN, 2, 0)).hasMessageContaining("bptt");
  }

  @Test
  void heldOutBlocksScoreEveryPredictionOnce() {
    // 10 tokens, 9 predictions, 2 streams: lengths 5 and 4, starting at tokens 0 and 5.
    List<Window> blocks = EvalLayout.blocks(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 2, 3);
    assertThat(blocks).hasSize(2);
    Window first = blocks.get(0);
    assertThat(first.inputs()).containsExactly(0, 1, 2, 5, 6, 7);
    assertThat(first.targets()).containsExactly(1, 2, 3, 6, 7, 8);
    assertThat(first.lengths()).isNull();
    Window last = blocks.get(1);
    assertThat(last.steps()).isEqualTo(2);
    assertThat(last.lengths()).containsExactly(2, 1);
    assertThat(last.inputs()).containsExactly(3, 4, 8, 0);
    assertThat(last.targets()).containsExactly(4, 5, 9, 0);
    assertThat(first.tokens() + last.tokens()).isEqualTo(9);
  }

  @Test
  void heldOutStreamsNeverOutnumberThePredictions() {
    List<Window> blocks = EvalLayout.blocks(new int[] {4, 5, 6}, 16, 8);
    assertThat(blocks).singleElement().satisfies(w -> {
      assertThat(w.streams()).isEqualTo(2);
      assertThat(w.inputs()).containsExactly(4, 5);
      assertThat(w.targets()).containsExactly(5, 6);
    });
    assertThatThrownBy(() -> EvalLayout.blocks(new int[] {1}, 2, 2)).hasMessageContaining("at least 2");
  }
}

package dev.seq2seq.nativebackend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelismTest {

  @Test
  void splitsIntoContiguousRangesCoveringEveryIndexOnceWithTheCallerRunningTheFirst() {
    try (Parallelism p = new Parallelism(3)) {
      List<int[]> ranges = Collections.synchronizedList(new ArrayList<>());
      List<Thread> firstRangeThread = Collections.synchronizedList(new ArrayList<>());
      p.forRange(10, 1, (from, to) -> {
        ranges.add(new int[] {from, to});
        if (from == 0) {
          firstRangeThread.add(Thread.currentThread());
        }
      });
      ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
      assertThat(ranges).extracting(r -> r[0] + "-" + r[1]).containsExactly("0-3", "3-6", "6-10");
      assertThat(firstRangeThread).containsExactly(Thread.currentThread());
    }
  }

  @Test
  void aCallFromInsideARangeRunsInlineOnThatThread() {
    try (Parallelism p = new Parallelism(2)) {
      List<String> nested = Collections.synchronizedList(new ArrayList<>());
      p.forRange(2, 1, (from, to) -> {
        Thread outer = Thread.currentThread();
        p.forRange(100, 1, (a, b) -> nested.add(
            from + ":" + a + "-" + b + ":" + (Thread.currentThread() == outer)));
      });
      assertThat(nested).containsExactlyInAnyOrder("0:0-100:true", "1:0-100:true");
    }
  }

  @Test
  void aFailureInAnyRangeIsRethrownOnlyAfterEveryRangeHasFinished() {
    try (Parallelism p = new Parallelism(2)) {
      AtomicInteger finished = new AtomicInteger();
      assertThatThrownBy(() -> p.forRange(2, 1, (from, to) -> {
        if (from == 0) {
          throw new IllegalStateException("range 0 failed");
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        finished.incrementAndGet();
      })).isInstanceOf(IllegalStateException.class).hasMessage("range 0 failed");
      assertThat(finished).hasValue(1);

      assertThatThrownBy(() -> p.forRange(2, 1, (from, to) -> {
        if (from == 1) {
          throw new IllegalArgumentException("range 1 failed");
        }
      })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("range 1 failed");
    }
  }

  @Test
  void oneThreadRunsEverythingOnTheCaller() {
    try (Parallelism p = new Parallelism(1)) {
      List<String> seen = new ArrayList<>();
      p.forRange(5, 1, (from, to) -> seen.add(from + "-" + to + ":"
          + (Thread.currentThread().getName())));
      assertThat(seen).containsExactly("0-5:" + Thread.currentThread().getName());
    }
  }
}

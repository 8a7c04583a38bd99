package org.oligotrial.survival.cox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IndexSortTest {

  @Test
  void sortsStablyLikeASortOfBoxedIndices() {
    Random random = new Random(7);
    for (int trial = 0; trial < 100; trial++) {
      int n = random.nextInt(300);
      double[] time = new double[n];
      int[] stratum = new int[n];
      for (int i = 0; i < n; i++) {
        time[i] = switch (random.nextInt(4)) {
          case 0 -> random.nextInt(10);
          case 1 -> -random.nextDouble() * 1e6;
          case 2 -> random.nextGaussian() * 1e-300;
          default -> random.nextDouble();
        };
        stratum[i] = random.nextInt(3);
      }
      boolean desc = random.nextBoolean();
      boolean strata = random.nextBoolean();
      Comparator<Integer> byTime = Comparator.comparingDouble(i -> desc ? -time[i] : time[i]);
      Comparator<Integer> order = strata ? Comparator.<Integer>comparingInt(i -> stratum[i]).thenComparing(byTime)
          : byTime;
      int[] expected = IntStream.range(0, n).boxed().sorted(order).mapToInt(Integer::intValue).toArray();
      assertThat(IndexSort.byTime(time, strata ? stratum : null, desc)).containsExactly(expected);
    }
  }

  @Test
  void negativeZeroIsZero() {
    double[] key = {0.0, -0.0, -1, 1};
    int[] idx = {0, 1, 2, 3};
    IndexSort.sort(key, idx);
    assertThat(idx).containsExactly(2, 0, 1, 3);
    assertThat(Arrays.stream(key).map(Math::abs).toArray()).containsExactly(1, 0, 0, 1);
  }
}

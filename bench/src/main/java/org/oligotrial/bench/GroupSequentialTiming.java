package org.oligotrial.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.oligotrial.design.Dropout;
import org.oligotrial.design.EfficacyBoundary;
import org.oligotrial.design.FutilityRule;
import org.oligotrial.design.GroupSequentialBoundaries;
import org.oligotrial.design.GroupSequentialSpec;
import org.oligotrial.design.GroupSequentialSurvival;
import org.oligotrial.design.InterimMonitoring;
import org.oligotrial.design.MonitoringPlan;
import org.oligotrial.design.ObservedLook;

/**
 * Time to compute a group-sequential design with K = 5 looks and futility (warm: after warm-up rounds in the same
 * JVM), by wall time and by the thread's CPU time, for: beta-spending futility non-binding and binding, fixed-z
 * futility, the survival design on top, and monitoring four looks. Prints median and worst of each round.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.oligotrial.bench.GroupSequentialTiming [ROUNDS]}.
 */
public final class GroupSequentialTiming {
  private GroupSequentialTiming() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    List<Double> eq5 = GroupSequentialSpec.equallySpaced(5);
    GroupSequentialSpec nonBinding = new GroupSequentialSpec(eq5, 0.025, 1, 0.8,
        EfficacyBoundary.parse("of"), FutilityRule.parse("beta-of"), false);
    GroupSequentialSpec binding = new GroupSequentialSpec(eq5, 0.025, 1, 0.8,
        EfficacyBoundary.parse("of"), FutilityRule.parse("beta-of"), true);
    GroupSequentialSpec fixedZ = new GroupSequentialSpec(List.of(0.2, 0.35, 0.6, 0.8, 1.0), 0.025, 1, 0.9,
        EfficacyBoundary.parse("hsd:-4"), FutilityRule.parse("z:-0.5,0,0.5,1"), true);
    MonitoringPlan plan = new MonitoringPlan(nonBinding, 200, 0.6, 1);
    List<ObservedLook> looks = List.of(ObservedLook.ofLogRank(38, -1.1), ObservedLook.ofLogRank(83, -1.6),
        ObservedLook.ofLogRank(121, -2.0), ObservedLook.ofLogRank(158, -2.2));
    for (int r = 1; r <= rounds; r++) {
      int n = r == 1 ? 20 : 50;
      time(r, "K=5 OF, beta-OF non-binding", n, () -> GroupSequentialBoundaries.compute(nonBinding));
      time(r, "K=5 OF, beta-OF binding", n, () -> GroupSequentialBoundaries.compute(binding));
      time(r, "K=5 HSD(-4), z futility binding", n, () -> GroupSequentialBoundaries.compute(fixedZ));
      time(r, "K=5 survival (beta-OF non-binding)", n, () -> GroupSequentialSurvival.compute(
          GroupSequentialBoundaries.compute(nonBinding), 0.6, 1, 8, 36, 12, new Dropout(0.05, 12)));
      time(r, "monitoring 4 of 5 looks", n, () -> InterimMonitoring.monitor(plan, looks));
    }
  }

  private static void time(int round, String what, int n, Supplier<Object> task) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] wall = new double[n];
    double[] cpu = new double[n];
    int sink = 0;
    for (int i = 0; i < n; i++) {
      long c = threads.getCurrentThreadCpuTime();
      long w = System.nanoTime();
      sink += task.get().hashCode() & 1;
      wall[i] = (System.nanoTime() - w) / 1e6;
      cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    System.out.printf(Locale.ROOT, "round %d %-36s n=%3d  wall median %6.2f ms max %6.2f ms  cpu median %6.2f ms"
        + " max %6.2f ms%s%n", round, what, n, wall[n / 2], wall[n - 1], cpu[n / 2], cpu[n - 1],
        sink < 0 ? "!" : "");
  }
}

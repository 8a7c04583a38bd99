package org.oligotrial.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.oligotrial.protocol.Criterion;
import org.oligotrial.protocol.Protocol;

/**
 * The pre-screening funnel. For each criterion, in the protocol's order (inclusions, then exclusions): how many
 * patients fail it <em>alone</em> (whatever else they fail), how many are left undecided by it, and how many it removes
 * <em>in order</em> (patients whose first failed criterion, in protocol order, is this one); {@code remaining} is the
 * number of patients not yet removed after the step. Patients removed in order sum to the ineligible count; those
 * remaining after the last criterion are the eligible plus the incomplete.
 */
public final class Funnel {
  private Funnel() {}

  /** One criterion's step. */
  public record Step(String criterion, String kind, String title, long failAlone, long undecidedAlone,
      long failInOrder, long remaining) {}

  /** The whole funnel. */
  public record Table(long total, long eligible, long ineligible, long incomplete, long errors, List<Step> steps) {

    /** {@code step,criterion,kind,title,fail_alone,undecided_alone,fail_in_order,remaining}, one line per step. */
    public String csv() {
      StringBuilder sb = new StringBuilder("step,criterion,kind,title,fail_alone,undecided_alone,fail_in_order,"
          + "remaining\n");
      sb.append("0,,,assessed (errors left out: ").append(errors).append("),,,,").append(total - errors)
          .append('\n');
      for (int i = 0; i < steps.size(); i++) {
        Step s = steps.get(i);
        sb.append(i + 1).append(',').append(s.criterion()).append(',').append(s.kind()).append(",\"")
            .append(s.title().replace("\"", "\"\"")).append("\",").append(s.failAlone()).append(',')
            .append(s.undecidedAlone()).append(',').append(s.failInOrder()).append(',').append(s.remaining())
            .append('\n');
      }
      sb.append(steps.size() + 1).append(",,,eligible,,,,").append(eligible).append('\n');
      sb.append(steps.size() + 2).append(",,,incomplete,,,,").append(incomplete).append('\n');
      return sb.toString();
    }
  }

  static Table compute(Dataset<Row> verdicts, Protocol protocol) {
    Map<String, Long> byVerdict = counts(verdicts.groupBy("verdict").count());
    Map<String, Long> alone = counts(verdicts.select(explode(col("failed")).as("c")).groupBy("c").count());
    Map<String, Long> undecided = counts(verdicts.select(explode(col("undecided")).as("c")).groupBy("c").count());
    Map<String, Long> first = counts(verdicts.filter(size(col("failed")).gt(0))
        .select(when(size(col("failed")).gt(0), element_at(col("failed"), 1)).as("c")).groupBy("c").count());
    long total = byVerdict.values().stream().mapToLong(Long::longValue).sum();
    long errors = byVerdict.getOrDefault("ERROR", 0L);
    long remaining = total - errors;
    List<Step> steps = new ArrayList<>();
    for (Criterion c : protocol.criteria()) {
      long removed = first.getOrDefault(c.id(), 0L);
      remaining -= removed;
      steps.add(new Step(c.id(), c.kind().name().toLowerCase(java.util.Locale.ROOT), c.title(),
          alone.getOrDefault(c.id(), 0L), undecided.getOrDefault(c.id(), 0L), removed, remaining));
    }
    return new Table(total, byVerdict.getOrDefault("ELIGIBLE", 0L), byVerdict.getOrDefault("INELIGIBLE", 0L),
        byVerdict.getOrDefault("INCOMPLETE", 0L), errors, steps);
  }

  private static Map<String, Long> counts(Dataset<Row> grouped) {
    Map<String, Long> m = new HashMap<>();
    for (Row r : grouped.collectAsList()) {
      m.put(r.getString(0), r.getLong(1));
    }
    return m;
  }
}

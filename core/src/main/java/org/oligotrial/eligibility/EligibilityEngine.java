package org.oligotrial.eligibility;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.oligotrial.protocol.Criterion;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.RecordDeclaration;

/**
 * Decides eligibility criterion by criterion for any protocol: the protocol's rules are compiled once, at
 * construction, and then interpreted for each {@link ScreeningRecord}; nothing here knows a particular trial.
 *
 * <p>Three-valued logic: a rule is true, false or unknown (a field it needs is absent). An inclusion criterion
 * passes when its rule is true, an exclusion criterion when its rule (the excluding condition) is false; a criterion
 * whose {@code appliesWhen} condition is false (e.g. pregnancy for a man) passes as not applicable, and one whose
 * applicability is unknown passes only if it would pass anyway. The verdict is INELIGIBLE when any criterion fails,
 * else INCOMPLETE when any is unknown (listing the missing field paths), else ELIGIBLE.
 *
 * <p>Immutable and thread-safe: one engine may evaluate records from many threads at once.
 */
public final class EligibilityEngine {

  private final Protocol protocol;
  private final RecordDeclaration record;
  private final CompiledCriterion[] compiled;

  /**
   * Compiles the protocol's criteria.
   *
   * @throws NullPointerException when protocol is null
   * @throws IllegalArgumentException when the protocol declares no screening record, or a rule names a field its
   *     record lacks (a loaded protocol never does either)
   */
  public EligibilityEngine(Protocol protocol) {
    this.protocol = Objects.requireNonNull(protocol, "protocol");
    this.record = protocol.record();
    if (record == null) {
      throw new IllegalArgumentException("protocol " + protocol.id() + " declares no screening record");
    }
    this.compiled = protocol.criteria().stream().map(c -> new CompiledCriterion(c, source(c), record))
        .toArray(CompiledCriterion[]::new);
  }

  private String source(Criterion c) {
    String s = protocol.id() + " registry: \"" + c.wording().strip() + "\"";
    return c.notes().isEmpty() ? s : s + "; protocol notes " + String.join(", ", c.notes());
  }

  /** The protocol this engine applies. */
  public Protocol protocol() {
    return protocol;
  }

  /**
   * Evaluates every criterion for one candidate. The reasons are rendered when first read.
   *
   * @param record the screening record; absent fields are unknown
   * @return the verdict, one result per criterion in protocol order, and the missing field paths
   * @throws NullPointerException when record is null
   * @throws IllegalArgumentException when the record was read with another protocol's record declaration
   */
  public EligibilityResult evaluate(ScreeningRecord record) {
    Objects.requireNonNull(record, "record");
    if (record.declaration() != this.record && !record.declaration().equals(this.record)) {
      throw new IllegalArgumentException("record read with another declaration than " + protocol.id() + "'s");
    }
    CriterionResult[] results = new CriterionResult[compiled.length];
    LinkedHashSet<String> missing = null;
    boolean anyFail = false;
    for (int i = 0; i < compiled.length; i++) {
      CompiledCriterion c = compiled[i];
      CriterionStatus s = c.status(record);
      List<String> miss = List.of();
      if (s == CriterionStatus.FAIL) {
        anyFail = true;
      } else if (s == CriterionStatus.UNKNOWN) {
        miss = c.missing(record);
        if (missing == null) {
          missing = new LinkedHashSet<>();
        }
        missing.addAll(miss);
      }
      results[i] = new CriterionResult(c, record, s, miss);
    }
    Verdict v = anyFail ? Verdict.INELIGIBLE : missing != null ? Verdict.INCOMPLETE : Verdict.ELIGIBLE;
    return new EligibilityResult(record.id(), protocol.id(), v, Collections.unmodifiableList(Arrays.asList(results)),
        missing == null ? List.of() : List.copyOf(missing));
  }
}

package org.oligotrial.eligibility;

import java.util.List;
import java.util.Objects;
import org.oligotrial.protocol.CriterionKind;

/**
 * The outcome of one criterion for one candidate: {@code id}, {@code kind}, {@code status}, {@code reason},
 * {@code source} and, when unknown, the {@code missing} field paths.
 *
 * <p>A value class rather than a record for one reason: the reason text (values, unit conversions, thresholds) is
 * rendered on first call of {@link #reason()}, so that screening many records, which needs only the status, builds no
 * text. Immutable and thread-safe (the rendering is idempotent; concurrent first calls at worst render twice).
 */
public final class CriterionResult {
  private final String id;
  private final CriterionKind kind;
  private final CriterionStatus status;
  private final String source;
  private final List<String> missing;
  private final CompiledCriterion compiled;
  private final ScreeningRecord record;
  private volatile String reason;

  /**
   * A result with a given reason (for tests and other producers).
   *
   * @throws NullPointerException when any argument is null
   */
  public CriterionResult(String id, CriterionKind kind, CriterionStatus status, String reason, String source,
      List<String> missing) {
    this.id = Objects.requireNonNull(id);
    this.kind = Objects.requireNonNull(kind);
    this.status = Objects.requireNonNull(status);
    this.reason = Objects.requireNonNull(reason);
    this.source = Objects.requireNonNull(source);
    this.missing = List.copyOf(missing);
    this.compiled = null;
    this.record = null;
  }

  CriterionResult(CompiledCriterion compiled, ScreeningRecord record, CriterionStatus status, List<String> missing) {
    this.id = compiled.criterion.id();
    this.kind = compiled.criterion.kind();
    this.status = status;
    this.source = compiled.source;
    this.missing = missing;
    this.compiled = compiled;
    this.record = record;
  }

  /** The criterion id, e.g. {@code I7}. */
  public String id() {
    return id;
  }

  /** Inclusion or exclusion. */
  public CriterionKind kind() {
    return kind;
  }

  /** PASS, FAIL or UNKNOWN (an exclusion passes when its excluding condition is absent). */
  public CriterionStatus status() {
    return status;
  }

  /**
   * Why: the decisive values with any unit conversion and the threshold, e.g.
   * {@code "HGB 85 g/L = 8.5 g/dL (x 0.1) (fails >= 9 g/dL)"}; for UNKNOWN it starts with the missing fields.
   */
  public String reason() {
    String r = reason;
    if (r == null) {
      r = compiled.reason(record, status, missing);
      reason = r;
    }
    return r;
  }

  /** The registry's wording of the criterion and the protocol notes that clarify it. */
  public String source() {
    return source;
  }

  /** The field paths whose absence made the status UNKNOWN; empty otherwise. */
  public List<String> missing() {
    return missing;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CriterionResult c && id.equals(c.id) && kind == c.kind && status == c.status
        && reason().equals(c.reason()) && source.equals(c.source) && missing.equals(c.missing);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, kind, status, source, missing);
  }

  @Override
  public String toString() {
    return id + " " + status + ": " + reason();
  }
}

package org.oligotrial.eligibility;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.oligotrial.protocol.Criterion;
import org.oligotrial.protocol.CriterionKind;
import org.oligotrial.protocol.RecordDeclaration;

/**
 * A criterion with its rules compiled. The status is decided on a fast path without any text; the reason is
 * rendered only when asked for, by evaluating again with a {@link Trace} (the record is immutable, so the answer is
 * the same). Immutable and thread-safe.
 */
final class CompiledCriterion {
  final Criterion criterion;
  final String source;
  private final Check rule;
  private final Check applies;

  CompiledCriterion(Criterion criterion, String source, RecordDeclaration record) {
    this.criterion = criterion;
    this.source = source;
    this.rule = RuleCompiler.compile(criterion.rule(), record);
    this.applies = RuleCompiler.compile(criterion.appliesWhen(), record);
  }

  private CriterionStatus status(int ruleOutcome) {
    if (ruleOutcome == Check.UNKNOWN) {
      return CriterionStatus.UNKNOWN;
    }
    boolean holds = ruleOutcome == Check.TRUE;
    return (criterion.kind() == CriterionKind.INCLUSION) == holds ? CriterionStatus.PASS : CriterionStatus.FAIL;
  }

  /** The status, with no text built. */
  CriterionStatus status(ScreeningRecord r) {
    int a = applies == null ? Check.TRUE : applies.eval(r, null, false);
    if (a == Check.FALSE) {
      return CriterionStatus.PASS;
    }
    CriterionStatus s = status(rule.eval(r, null, false));
    // when it is unknown whether the criterion applies, it still passes if it would pass anyway
    return a == Check.UNKNOWN && s != CriterionStatus.PASS ? CriterionStatus.UNKNOWN : s;
  }

  /** The field paths that would decide an UNKNOWN status, deduplicated in rule order. */
  List<String> missing(ScreeningRecord r) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    Trace t = new Trace();
    if (applies != null && applies.eval(r, t, false) == Check.UNKNOWN) {
      t.missing(r, out);
    }
    t.reset();
    if (rule.eval(r, t, false) == Check.UNKNOWN) {
      t.missing(r, out);
    }
    return List.copyOf(new ArrayList<>(out));
  }

  /** The reason for {@code status}: decisive values, conversions, thresholds. */
  String reason(ScreeningRecord r, CriterionStatus status, List<String> missing) {
    Trace t = new Trace();
    String prefix = "";
    if (applies != null) {
      int a = applies.eval(r, t, false);
      if (a == Check.FALSE) {
        return "does not apply: " + t.decisive(r, Check.FALSE);
      }
      if (a == Check.UNKNOWN) {
        prefix = status == CriterionStatus.PASS
            ? "passes whether or not it applies (" + t.decisive(r, Check.UNKNOWN) + "): "
            : "cannot tell whether it applies (" + t.decisive(r, Check.UNKNOWN) + "): ";
      }
      t.reset();
    }
    int o = rule.eval(r, t, false);
    String decisive = t.decisive(r, o);
    if (status == CriterionStatus.UNKNOWN) {
      return "missing " + String.join(", ", missing) + (decisive.isEmpty() ? "" : ": " + decisive);
    }
    return prefix + decisive;
  }
}

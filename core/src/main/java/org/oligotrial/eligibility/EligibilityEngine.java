package org.oligotrial.eligibility;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.oligotrial.protocol.Criterion;
import org.oligotrial.protocol.CriterionKind;
import org.oligotrial.protocol.Protocol;

/**
 * Decides eligibility criterion by criterion for any protocol: the protocol's rules are compiled once, at
 * construction, and then interpreted for each {@link ScreeningRecord}; nothing here knows a particular trial.
 *
 * <p>Three-valued logic: a rule is true, false or unknown (a field it needs is absent). An inclusion criterion
 * passes when its rule is true, an exclusion criterion when its rule (the excluding condition) is false; a criterion
 * whose {@code appliesWhen} condition is false (e.g. pregnancy for a man) passes as not applicable. The verdict is
 * INELIGIBLE when any criterion fails, else INCOMPLETE when any is unknown (listing the missing field paths), else
 * ELIGIBLE.
 *
 * <p>Immutable and thread-safe: one engine may evaluate records from many threads at once.
 */
public final class EligibilityEngine {

  private record Compiled(Criterion criterion, Check rule, Check applies, String source) {}

  private final Protocol protocol;
  private final Compiled[] compiled;

  /**
   * Compiles the protocol's criteria.
   *
   * @throws NullPointerException when protocol is null
   * @throws IllegalArgumentException when a rule names a field the record format lacks (a loaded protocol never does)
   */
  public EligibilityEngine(Protocol protocol) {
    this.protocol = Objects.requireNonNull(protocol, "protocol");
    List<Compiled> list = new ArrayList<>();
    for (Criterion c : protocol.criteria()) {
      list.add(new Compiled(c, RuleCompiler.compile(c.rule()), RuleCompiler.compile(c.appliesWhen()), source(c)));
    }
    this.compiled = list.toArray(Compiled[]::new);
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
   * Evaluates every criterion for one candidate.
   *
   * @param record the screening record; absent fields are unknown
   * @return the verdict, one result per criterion in protocol order, and the missing field paths
   * @throws NullPointerException when record is null
   */
  public EligibilityResult evaluate(ScreeningRecord record) {
    Objects.requireNonNull(record, "record");
    Trace trace = new Trace();
    List<CriterionResult> results = new ArrayList<>(compiled.length);
    LinkedHashSet<String> missing = new LinkedHashSet<>();
    boolean anyFail = false;
    boolean anyUnknown = false;
    for (Compiled c : compiled) {
      CriterionResult r = evaluate(c, record, trace);
      results.add(r);
      if (r.status() == CriterionStatus.FAIL) {
        anyFail = true;
      } else if (r.status() == CriterionStatus.UNKNOWN) {
        anyUnknown = true;
        missing.addAll(r.missing());
      }
    }
    Verdict v = anyFail ? Verdict.INELIGIBLE : anyUnknown ? Verdict.INCOMPLETE : Verdict.ELIGIBLE;
    return new EligibilityResult(record.id(), protocol.id(), v, List.copyOf(results), List.copyOf(missing));
  }

  private CriterionResult evaluate(Compiled c, ScreeningRecord record, Trace trace) {
    Criterion cr = c.criterion();
    if (c.applies() != null) {
      trace.reset();
      int applies = c.applies().eval(record, trace, false);
      if (applies == Check.FALSE) {
        return new CriterionResult(cr.id(), cr.kind(), CriterionStatus.PASS,
            "does not apply: " + trace.decisive(record, Check.FALSE), c.source(), List.of());
      }
      if (applies == Check.UNKNOWN) {
        List<String> miss = new ArrayList<>(2);
        trace.missing(record, miss);
        return new CriterionResult(cr.id(), cr.kind(), CriterionStatus.UNKNOWN,
            "cannot tell whether it applies: " + trace.decisive(record, Check.UNKNOWN), c.source(), List.copyOf(miss));
      }
    }
    trace.reset();
    int o = c.rule().eval(record, trace, false);
    CriterionStatus status;
    List<String> miss = List.of();
    if (o == Check.UNKNOWN) {
      status = CriterionStatus.UNKNOWN;
      List<String> m = new ArrayList<>(2);
      trace.missing(record, m);
      miss = List.copyOf(new LinkedHashSet<>(m));
    } else {
      boolean holds = o == Check.TRUE;
      status = (cr.kind() == CriterionKind.INCLUSION) == holds ? CriterionStatus.PASS : CriterionStatus.FAIL;
    }
    String reason = trace.decisive(record, o);
    if (status == CriterionStatus.UNKNOWN) {
      reason = "missing " + String.join(", ", miss) + (reason.isEmpty() ? "" : ": " + reason);
    }
    return new CriterionResult(cr.id(), cr.kind(), status, reason, c.source(), miss);
  }
}

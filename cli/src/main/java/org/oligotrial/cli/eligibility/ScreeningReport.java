package org.oligotrial.cli.eligibility;

import java.util.LinkedHashSet;
import java.util.Set;
import org.oligotrial.eligibility.CriterionResult;
import org.oligotrial.eligibility.EligibilityResult;
import org.oligotrial.eligibility.ProtocolDerivations;
import org.oligotrial.eligibility.ScreeningRecord;
import org.oligotrial.protocol.Criterion;
import org.oligotrial.protocol.CriterionKind;
import org.oligotrial.protocol.Protocol;

/** The readable screening report: verdict, each criterion with its reason and registry wording, notes, missing. */
final class ScreeningReport {
  private ScreeningReport() {}

  static String render(EligibilityResult result, Protocol protocol, ScreeningRecord record) {
    StringBuilder sb = new StringBuilder(4096);
    sb.append("Screening ").append(result.id() == null ? "(no id)" : result.id()).append(" for ")
        .append(protocol.id()).append(": ").append(protocol.title()).append('\n');
    sb.append("Verdict: ").append(result.verdict());
    switch (result.verdict()) {
      case INELIGIBLE -> sb.append(" (failed: ").append(String.join(", ", result.failed())).append(')');
      case INCOMPLETE -> sb.append(" (undecided: ").append(String.join(", ", result.unknown())).append(')');
      default -> sb.append(" (all ").append(result.criteria().size()).append(" criteria pass)");
    }
    sb.append("\n");
    ProtocolDerivations derive = new ProtocolDerivations(protocol);
    if (!protocol.stratification().isEmpty()) {
      StringBuilder strata = new StringBuilder();
      derive.stratumLevels(record).forEach((factor, level) -> strata.append(strata.length() == 0 ? "" : ", ")
          .append(factor).append(' ').append(level == null ? "unknown" : level));
      sb.append("Strata: ").append(strata).append('\n');
    }
    if (!protocol.systemicTherapy().regimens().isEmpty()) {
      sb.append("Systemic therapy: ").append(derive.regimen(record)
          .map(r -> r.name() + " (" + String.join(", ", r.drugs()) + ")")
          .orElse(protocol.systemicTherapy().otherwise() == null ? "none" : protocol.systemicTherapy().otherwise()))
          .append('\n');
    }
    Set<String> notes = new LinkedHashSet<>();
    for (CriterionKind kind : CriterionKind.values()) {
      sb.append('\n').append(kind == CriterionKind.INCLUSION ? "Inclusion criteria" : "Exclusion criteria")
          .append('\n');
      for (CriterionResult c : result.criteria()) {
        if (c.kind() != kind) {
          continue;
        }
        Criterion cr = protocol.criterion(c.id()).orElseThrow();
        notes.addAll(cr.notes());
        sb.append(String.format("  %-7s %-3s %s%n", c.status(), c.id(), cr.title()));
        sb.append("              ").append(c.reason()).append('\n');
        sb.append("              registry: \"").append(cr.wording().strip()).append('"');
        if (!cr.notes().isEmpty()) {
          sb.append(" [note ").append(String.join(", ", cr.notes())).append(']');
        }
        sb.append('\n');
      }
    }
    if (!result.missing().isEmpty()) {
      sb.append("\nMissing data (needed to decide): ").append(String.join(", ", result.missing())).append('\n');
    }
    if (!notes.isEmpty()) {
      sb.append("\nProtocol notes\n");
      for (String id : notes) {
        protocol.note(id).ifPresent(n -> sb.append("  ").append(n.id()).append("  ").append(n.text()).append('\n'));
      }
    }
    return sb.toString();
  }
}

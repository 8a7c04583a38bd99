package org.oligotrial.server.web.screening;

import java.util.List;
import org.oligotrial.eligibility.CriterionResult;
import org.oligotrial.eligibility.CriterionStatus;
import org.oligotrial.eligibility.EligibilityResult;
import org.oligotrial.protocol.Criterion;
import org.oligotrial.protocol.Protocol;

/**
 * What the live result fragment shows: the verdict and one row per criterion, or the field the record could not be
 * read at.
 *
 * @param verdict ELIGIBLE, INELIGIBLE, INCOMPLETE, or null when the record could not be read
 * @param rows one per criterion in protocol order
 * @param errorField the form field id at fault, or null
 * @param error the parser's message, or null
 */
public record EligibilityView(String verdict, List<Row> rows, String errorField, String error) {
  /**
   * One criterion.
   *
   * @param id e.g. I7
   * @param kind inclusion or exclusion
   * @param title the criterion's short title
   * @param status PASS, FAIL or UNKNOWN
   * @param reason why, with values and units
   * @param missing form field ids still needed
   */
  public record Row(String id, String kind, String title, String status, String reason, List<String> missing) {
    public String statusLabel() {
      return org.oligotrial.server.web.Labels.criterionStatus(status);
    }
  }

  static EligibilityView of(Protocol protocol, EligibilityResult r) {
    List<Row> rows = r.criteria().stream().map(c -> row(protocol, c)).toList();
    return new EligibilityView(r.verdict().name(), rows, null, null);
  }

  static EligibilityView unreadable(String field, String message) {
    return new EligibilityView(null, List.of(), field, message);
  }

  public long count(String status) {
    return rows.stream().filter(r -> r.status().equals(status)).count();
  }

  private static Row row(Protocol protocol, CriterionResult c) {
    String title = protocol.criterion(c.id()).map(Criterion::title).orElse(c.id());
    return new Row(c.id(), c.kind().name().toLowerCase(java.util.Locale.ROOT), title, c.status().name(),
        c.reason(), c.status() == CriterionStatus.UNKNOWN
            ? c.missing().stream().map(m -> ScreeningForm.fieldId(protocol.record(), m)).distinct().toList() : List.of());
  }
}

package org.oligotrial.server.datacapture.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.oligotrial.server.datacapture.queries.DataQuery;
import tools.jackson.databind.JsonNode;

/** Request and response bodies of the data-capture API. */
public final class DataCaptureModels {
  private DataCaptureModels() {}

  /** A new form: its type, optionally the visit occurrence it completes, and the values. */
  public record NewForm(String formType, String visit, Integer occurrence, JsonNode values) {}

  /** A change to a form: the new values, the reason for change, and the version the change was made to. */
  public record FormChange(JsonNode values, String reason, Integer version) {}

  /** The investigator's password, re-entered to sign. */
  public record Signature(String password) {}

  /** A reason (lock: optional; unlock: required). */
  public record Reason(String reason) {}

  /** A new query on a field. */
  public record NewQuery(String field, String text) {}

  /** The site's answer. */
  public record Answer(String answer) {}

  /** A note on closing. */
  public record Close(String note) {}

  /** A form with its derived values and queries. */
  public record FormView(String id, String participantId, String siteCode, String formType, String visit,
      Integer occurrence, LocalDate date, JsonNode values, JsonNode derived, int version, String status,
      String signedBy, Instant signedAt, String lockedBy, Instant updatedAt, String updatedBy,
      List<DataQuery> queries, SignatureView signature) {}

  /**
   * The electronic signature in force on a signed form (21 CFR 11.50): who (login and printed name), when, and what
   * it means ({@code review and approval}).
   */
  public record SignatureView(String signedBy, String printedName, String meaning, Instant signedAt,
      String manifestation) {}

  /**
   * A time-to-event endpoint.
   *
   * @param source what decided it: RECIST, CLINICAL, DEATH or CENSORED (for PFS the dataset's {@code pfs_source})
   */
  public record TimeView(long days, int event, double months, LocalDate date, String reason, String source) {}

  /**
   * A disagreement between the RECIST progression and the progression forms, with both values.
   *
   * @param kind RECIST_PD_WITHOUT_FORM, FORM_WITHOUT_RECIST_PD or DATES_DIFFER
   */
  public record ReconciliationView(String kind, LocalDate recistDate, LocalDate formDate, String message) {}

  /** One participant's derived endpoints. */
  public record EndpointsView(String participantId, String arm, LocalDate randomizationDate, TimeView pfs,
      TimeView thoracicPfs, TimeView localControl, TimeView oligometastaticControl, TimeView os,
      Map<String, Integer> worstGrades, Integer plannedCycles, Integer deliveredCycles, Double cycleCompliance,
      Integer plannedFractions, Integer deliveredFractions, Double fractionCompliance,
      List<ReconciliationView> reconciliation) {}

  /** An audit row of a form. */
  public record AuditView(long seq, Instant at, String actor, String action, String field, String oldValue,
      String newValue, String reason) {}
}

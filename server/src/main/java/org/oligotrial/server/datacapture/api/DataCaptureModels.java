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

  /**
   * The investigator's password, re-entered to sign; {@code override} the reason to sign despite open queries or
   * missing data, accepted only where the protocol allows it ({@code signature: {blockers: override}}).
   */
  public record Signature(String password, String override) {}

  /** A reason (lock: optional; unlock and re-open: required); {@code override} as for signing (lock only). */
  public record Reason(String reason, String override) {}

  /** A field verified against the source documents: the form version, the monitor, when. */
  public record VerifiedView(String field, int version, String verifiedBy, Instant verifiedAt) {}

  /**
   * A query as the API shows it.
   *
   * @param status {@code OPEN}, {@code ANSWERED} or {@code CLOSED}
   * @param origin {@code manual}, the id of the edit check that opened it, or the reconciliation finding
   */
  public record QueryView(String id, String formId, String participantId, String siteCode, String field, String text,
      String origin, String status, String raisedBy, Instant raisedAt, String answer, String answeredBy,
      String closedBy, String closeNote, Instant closedAt, String reopenedBy, String reopenReason) {}

  /** The fields a monitor verifies against the source documents; empty or absent: the whole form. */
  public record Verify(List<String> fields) {}

  /**
   * What blocks signing or locking.
   *
   * @param kind {@code QUERY} (an open or answered query), {@code MISSING} (a required value) or, for the casebook
   *     lock only, {@code UNSIGNED} (a form the investigator has not signed; field {@code status})
   */
  public record BlockerView(String formId, String formType, String field, String kind, String detail) {}

  /** A form of a casebook: its status, its open or answered queries and what blocks its signature. */
  public record CasebookForm(String id, String formType, LocalDate date, int version, String status,
      int pendingQueries, List<BlockerView> blockers) {}

  /** A participant's casebook: its forms, the open or answered queries, and the casebook signatures given. */
  public record CasebookView(String participantId, int pendingQueries, List<CasebookForm> forms,
      List<SignatureView> signatures) {}

  /** One signature given to a casebook, and each form it signed. */
  public record CasebookSigned(String participantId, SignatureView signature, List<FormView> forms) {}

  /** A casebook locked in one act: each form it locked, as now stored. */
  public record CasebookLocked(String participantId, List<FormView> forms) {}

  /** A new query on a field. */
  public record NewQuery(String field, String text) {}

  /** The site's answer. */
  public record Answer(String answer) {}

  /** A note on closing. */
  public record Close(String note) {}

  /**
   * A form with its derived values and queries.
   *
   * @param pendingQueries the number of open or answered queries on the form
   * @param verified the source-verified fields ({@code values.<id>}) and their marks
   */
  public record FormView(String id, String participantId, String siteCode, String formType, String visit,
      Integer occurrence, LocalDate date, JsonNode values, JsonNode derived, int version, String status,
      String signedBy, Instant signedAt, String lockedBy, Instant updatedAt, String updatedBy,
      List<DataQuery> queries, SignatureView signature, int pendingQueries,
      Map<String, VerifiedView> verified) {}

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

  /**
   * One participant's derived endpoints.
   *
   * @param endpoints every time-to-event endpoint of the trial's protocol by endpoint id, in protocol order; null
   *     for an endpoint not derived for this participant
   * @param primaryProgression the id of the primary progression endpoint (the protocol's primary endpoint when it
   *     is a progression endpoint, else its first over all lesions); null when the protocol has none
   */
  public record EndpointsView(String participantId, String arm, LocalDate randomizationDate,
      Map<String, TimeView> endpoints, String primaryProgression,
      Map<String, Integer> worstGrades, Integer plannedCycles, Integer deliveredCycles, Double cycleCompliance,
      Integer plannedFractions, Integer deliveredFractions, Double fractionCompliance,
      List<ReconciliationView> reconciliation) {}

  /** An audit row of a form. */
  public record AuditView(long seq, Instant at, String actor, String action, String field, String oldValue,
      String newValue, String reason) {}
}

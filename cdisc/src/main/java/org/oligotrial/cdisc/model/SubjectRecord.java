package org.oligotrial.cdisc.model;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything recorded about one randomized (or screened) subject: the randomization, the current form values, the
 * full change history, the signatures and the data queries.
 *
 * @param subjectKey the participant id, unique in the trial
 * @param siteCode the site the subject belongs to
 * @param arm the allocated arm id (e.g. {@code RT+}), or null when not randomized
 * @param strata stratification factor id to level code, as randomized (insertion order kept)
 * @param randomizationDate the date of randomization, or null
 * @param forms the forms with their current values
 * @param audit the change history of the form values, oldest first
 * @param signatures the electronic signatures given on forms or on the casebook
 * @param queries the data queries raised on fields
 * @param screeningRecord the screening record (JSON, docs/eligibility.md) the subject was found eligible on, or null;
 *     it gives DM's sex and age, LB (screening laboratory values), MH and IE
 * @param enrolment how the subject entered the trial (screening number and record, verdict, status, consent), or
 *     null when not known: what an import needs to register the subject in an empty database
 */
public record SubjectRecord(String subjectKey, String siteCode, String arm, Map<String, String> strata,
    LocalDate randomizationDate, List<FormRecord> forms, List<AuditEntry> audit, List<SignatureRecord> signatures,
    List<QueryRecord> queries, String screeningRecord, Enrolment enrolment) {

  /**
   * How a subject entered the trial, as the register recorded it.
   *
   * @param screeningNumber the site's screening number
   * @param screeningVerdict the verdict of the latest screening ({@code ELIGIBLE}, ...)
   * @param status the participant's status now ({@code RANDOMIZED}, ...)
   * @param consentFormVersion the consent form's version, or null before consent
   * @param consentDate the date of consent, or null
   * @param consentObtainedBy who obtained consent, or null
   */
  public record Enrolment(String screeningNumber, String screeningRecord, String screeningVerdict, String status, String consentFormVersion,
      LocalDate consentDate, String consentObtainedBy) {}

  /** A subject with its screening record, without its enrolment. */
  public SubjectRecord(String subjectKey, String siteCode, String arm, Map<String, String> strata,
      LocalDate randomizationDate, List<FormRecord> forms, List<AuditEntry> audit, List<SignatureRecord> signatures,
      List<QueryRecord> queries, String screeningRecord) {
    this(subjectKey, siteCode, arm, strata, randomizationDate, forms, audit, signatures, queries, screeningRecord,
        null);
  }

  /** A subject without its screening record. */
  public SubjectRecord(String subjectKey, String siteCode, String arm, Map<String, String> strata,
      LocalDate randomizationDate, List<FormRecord> forms, List<AuditEntry> audit, List<SignatureRecord> signatures,
      List<QueryRecord> queries) {
    this(subjectKey, siteCode, arm, strata, randomizationDate, forms, audit, signatures, queries, null, null);
  }

  public SubjectRecord {
    Objects.requireNonNull(subjectKey, "subjectKey");
    strata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(strata));
    forms = List.copyOf(forms);
    audit = List.copyOf(audit);
    signatures = List.copyOf(signatures);
    queries = List.copyOf(queries);
  }
}

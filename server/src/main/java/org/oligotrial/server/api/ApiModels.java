package org.oligotrial.server.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The request and response bodies of the REST API. */
public final class ApiModels {
  private ApiModels() {}

  /** Register a participant at screening. */
  public record NewParticipant(
      @NotBlank @Size(max = 32) String siteCode,
      @NotBlank @Size(max = 64) String screeningNumber,
      @NotNull JsonNode screeningRecord) {}

  /** Re-screen: a new screening version. */
  public record NewScreening(@NotNull JsonNode screeningRecord, @NotBlank @Size(max = 4000) String reason) {}

  /**
   * A gene-result amendment: the EGFR result ({@code mutant} or {@code wild-type}) that was unknown at screening, and
   * why it is recorded now (for example the laboratory report's date).
   */
  public record GeneResult(@NotBlank @Size(max = 20) String egfr, @NotBlank @Size(max = 4000) String reason) {}

  /** Record or correct consent; {@code reason} is required for a correction. */
  public record ConsentBody(
      @NotBlank @Size(max = 64) String formVersion,
      @NotNull LocalDate date,
      @NotBlank @Size(max = 200) String obtainedBy,
      @Size(max = 4000) String reason) {}

  /** Change status; {@code withdrawal} is required for WITHDRAWN. */
  public record StatusBody(
      @NotBlank String status, @NotBlank @Size(max = 4000) String reason, @Valid WithdrawalBody withdrawal) {}

  /** Withdrawal details. */
  public record WithdrawalBody(
      @NotNull LocalDate date, @NotBlank @Size(max = 4000) String reason, boolean followUpAllowed) {}

  /** Consent as stored. */
  public record ConsentView(String formVersion, LocalDate date, String obtainedBy) {}

  /** Withdrawal as stored. */
  public record WithdrawalView(LocalDate date, String reason, boolean followUpAllowed) {}

  /**
   * The eligibility result of one screening version. {@code result} is the stored JSON text, written into the
   * response as JSON as it is (not parsed and written again).
   */
  public record EligibilityView(
      String verdict, String protocolVersion, List<String> screenFailureReasons,
      @JsonRawValue @Schema(type = "object", description = "criterion-by-criterion result") String result) {}

  /** One screening version; {@code screeningRecord} is the stored JSON text, written as JSON as it is. */
  public record ScreeningView(
      int version,
      @JsonRawValue @Schema(type = "object", description = "the screening record as entered") String screeningRecord,
      EligibilityView eligibility, Instant enteredAt, String enteredBy, String reason) {}

  /** One status change. */
  public record StatusChangeView(String from, String to, Instant at, String by, String reason) {}

  /** A participant in lists. */
  public record ParticipantSummary(
      String id, String siteCode, String screeningNumber, String status, int screeningVersion, Instant createdAt) {}

  /** A participant with its history. */
  public record ParticipantView(
      String id,
      String siteCode,
      String screeningNumber,
      String status,
      EligibilityView eligibility,
      ConsentView consent,
      WithdrawalView withdrawal,
      List<String> allowedNextStatuses,
      List<ScreeningView> screenings,
      List<StatusChangeView> statusHistory,
      Instant createdAt,
      String createdBy) {}

  /** A page of participants. */
  public record ParticipantList(List<ParticipantSummary> items, int page, int size, long total) {}

  /** One audit event. */
  public record AuditEventView(
      long seq, Instant at, String actor, String action, String recordType, String recordId, String field,
      String oldValue, String newValue, String reason, String hash) {}

  /** A site. */
  public record SiteView(String code, String name, String timeZone) {}

  /** Add a site; {@code timeZone} is its IANA time zone (e.g. Asia/Shanghai), UTC when left out. */
  public record NewSite(@NotBlank @Size(max = 32) String code, @NotBlank @Size(max = 200) String name,
      @Size(max = 64) String timeZone) {}

  /** Set a site's IANA time zone, with the reason kept in the audit trail. */
  public record SiteTimeZone(@Size(max = 64) String timeZone, @Size(max = 500) String reason) {}

  /** Create an API token. */
  public record NewToken(@NotBlank @Size(max = 200) String label, Integer validDays) {}

  /** A created API token: the secret is shown once. */
  public record TokenView(String id, String token, Instant expiresAt) {}

  /** One of the caller's tokens, without its secret. */
  public record TokenInfoView(String id, String label, Instant createdAt, Instant expiresAt, boolean revoked) {}

  /** The logged-in user. */
  public record Me(String username, String role, List<String> sites) {}

  /**
   * Audit trail verification, the verdict of {@code audit verify}: {@code intact} when neither the hash chain nor the
   * rows checked against the newest signed checkpoint (number {@code checkpoint}, 0 when none is signed yet) show a
   * problem; {@code witnessedRows} were verified against that checkpoint, {@code notYetWitnessed} rows came after it
   * (chained and MAC-checked, not yet verified against a signature).
   */
  public record VerificationView(boolean intact, long rowsChecked, long problemCount, List<String> problems,
      long checkpoint, long witnessedRows, long notYetWitnessed, List<String> notes) {}
}

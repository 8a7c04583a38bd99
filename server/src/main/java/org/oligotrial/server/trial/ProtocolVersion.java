package org.oligotrial.server.trial;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of a trial's protocol as loaded: version 1 is the protocol the trial was added with, each amendment
 * adds the next.
 *
 * @param trialId the trial (the protocol's registry id)
 * @param version 1, 2, 3, ... without gaps
 * @param label {@code v<version>}
 * @param effectiveDate the day from which the version applies (inclusive)
 * @param reason why this version exists (the amendment's reason)
 * @param sha256 hex SHA-256 of the protocol file's bytes as loaded (UTF-8)
 * @param loadedAt when it was loaded into the server
 * @param loadedBy who loaded it ({@code cli:<os user>}, a username, or {@code migration V60})
 */
public record ProtocolVersion(String trialId, int version, String label, LocalDate effectiveDate, String reason,
    String sha256, Instant loadedAt, String loadedBy) {

  /**
   * The protocol version stored with a screening result made under this version: {@code <trial id>
   * sha256:<first 16 hex digits>} (the form the server has always stored, see {@code ProtocolScreeningEvaluator}).
   */
  public String screeningTag() {
    return trialId + " sha256:" + sha256.substring(0, 16);
  }
}

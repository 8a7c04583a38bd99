package org.oligotrial.server.user;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One electronic signature as 21 CFR 11.50 asks it to be shown: the signer's printed name, when it was executed and
 * its meaning, with what was signed. Made only by {@link ElectronicSignatures} after the password was re-entered.
 *
 * @param id the signature's identifier
 * @param username the signer's login name
 * @param printedName the signer's full name (or the username when none is on file)
 * @param meaning what the signature means
 * @param statement what was signed, e.g. {@code randomization of DEMO1-001}
 * @param signedAt when it was executed (UTC, to the microsecond)
 */
public record Signature(
    String id, String username, String printedName, SignatureMeaning meaning, String statement, Instant signedAt) {
  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /**
   * The manifestation: {@code Approved by Li Wei (li.wei) at 2026-03-11 09:30:00 UTC, meaning approval:
   * randomization of DEMO1-001}.
   */
  public String manifestation() {
    return meaning.verb() + " by " + printedName + " (" + username + ") at " + AT.format(signedAt) + ", meaning "
        + meaning.label() + ": " + statement;
  }
}

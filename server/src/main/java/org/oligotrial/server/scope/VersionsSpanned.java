package org.oligotrial.server.scope;

import java.util.List;
import org.oligotrial.server.trial.ProtocolVersion;

/**
 * Which protocol versions a trial's data span: what a report or export states under its title.
 *
 * @param trialId the trial
 * @param screenings the versions the screening results were made under, oldest first
 * @param forms the versions the case report forms were made under, oldest first
 * @param all the union of both, oldest first
 * @param unmatched screening versions stored with a protocol text the server no longer holds (made before the server
 *     kept protocol versions, under a different bundled text), as stored; usually empty
 */
public record VersionsSpanned(String trialId, List<ProtocolVersion> screenings, List<ProtocolVersion> forms,
    List<ProtocolVersion> all, List<String> unmatched) {

  /** One line for a report: {@code Protocol versions: v1 (effective 2026-12-06), v2 (effective 2027-01-15)}. */
  public String summary() {
    StringBuilder b = new StringBuilder("Protocol versions: ");
    if (all.isEmpty() && unmatched.isEmpty()) {
      return b.append("none (no data yet)").toString();
    }
    b.append(String.join(", ", all.stream().map(v -> v.label() + " (effective " + v.effectiveDate() + ")").toList()));
    if (!unmatched.isEmpty()) {
      b.append(all.isEmpty() ? "" : ", ").append("earlier texts ").append(String.join(", ", unmatched));
    }
    return b.toString();
  }
}

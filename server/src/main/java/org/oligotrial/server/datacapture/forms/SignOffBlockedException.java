package org.oligotrial.server.datacapture.forms;

import java.util.List;
import org.oligotrial.server.kernel.ConflictException;

/**
 * Signing or locking refused because of what the form (or casebook) still lacks: open or answered queries, required
 * data missing. HTTP 409; the message lists every blocker, and {@link #blockers()} holds them for the API's problem
 * document and the pages. Field {@code override} when the protocol would accept an override reason and none was
 * given, else {@code blockers}.
 */
public final class SignOffBlockedException extends ConflictException {
  private final transient List<SignOff.Blocker> blockers;
  private final boolean overridable;
  private final String act;

  SignOffBlockedException(String act, List<SignOff.Blocker> blockers, boolean overridable) {
    super(overridable ? "override" : "blockers", "cannot " + act + ": " + blockers.size()
        + (blockers.size() == 1 ? " item blocks it: " : " items block it: ")
        + String.join("; ", blockers.stream().map(SignOff.Blocker::describe).toList())
        + (overridable ? " (the protocol allows " + act + "ing anyway with an override reason)" : ""));
    this.blockers = List.copyOf(blockers);
    this.overridable = overridable;
    this.act = act;
  }

  /** The act refused, in words: {@code sign} or {@code lock}. */
  public String act() {
    return act;
  }

  /** What blocks, form by form. */
  public List<SignOff.Blocker> blockers() {
    return blockers;
  }

  /** Whether the protocol lets the act go ahead with an override reason. */
  public boolean overridable() {
    return overridable;
  }
}

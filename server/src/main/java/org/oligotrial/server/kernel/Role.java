package org.oligotrial.server.kernel;

/** What a user is allowed to do; see {@link AccessPolicy} for the rules. */
public enum Role {
  /** Manages users and sites; reads every site's participants; does not enter trial data. */
  ADMINISTRATOR,
  /** Site staff: reads and changes participants of the user's own sites. */
  INVESTIGATOR,
  /** Site staff: reads and changes participants of the user's own sites. */
  COORDINATOR,
  /** Site staff: reads and corrects participants of the user's own sites. */
  DATA_MANAGER,
  /** Reads participants and audit trails of the user's own sites; changes nothing. */
  MONITOR,
  /** Reads participants of every site and exports; changes nothing. */
  STATISTICIAN,
  /**
   * A member of the data and safety monitoring board (DSMB) of a trial: sees the comparative (by-arm) efficacy and
   * safety report and the interim looks, every view audited; reads no participant pages and changes nothing.
   */
  DSMB;

  /** Whether users with this role must be assigned to at least one site. */
  public boolean isSiteBound() {
    return this == INVESTIGATOR || this == COORDINATOR || this == DATA_MANAGER || this == MONITOR;
  }

  /** Parses {@code data-manager}, {@code DATA_MANAGER} or {@code data_manager}; null when unknown. */
  public static Role parse(String s) {
    if (s == null) {
      return null;
    }
    try {
      return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

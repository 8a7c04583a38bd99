package org.oligotrial.server.datacapture.casebook;

/**
 * Where one cell of the casebook (one form of one visit occurrence) stands. The page shows {@link #label()}, never
 * the constant.
 */
public enum CellStatus {
  /** No form yet, and the visit's window is open, ahead, or the visit is done with other forms. */
  NOT_STARTED("not started"),
  /** Saved and not yet signed (also after a change to a signed form). */
  ENTERED("entered"),
  /** Saved, with at least one query on it not yet closed (open or answered). */
  QUERIED("queried"),
  /** Signed by an investigator. */
  SIGNED("signed"),
  /** Locked by a data manager. */
  LOCKED("locked"),
  /** No form, and the visit's window closed before today with no form of the visit at all. */
  OVERDUE("overdue");

  private final String label;

  CellStatus(String label) {
    this.label = label;
  }

  /** The status in words, as the page shows it. */
  public String label() {
    return label;
  }

  /** The CSS class of the cell: the label with hyphens. */
  public String css() {
    return label.replace(' ', '-');
  }
}

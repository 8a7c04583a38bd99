package org.oligotrial.server.datacapture.visits;

/** Where an expected visit stands on a given day. */
public enum VisitStatus {
  /** A form completes it, dated inside the window. */
  DONE,
  /** A form completes it, dated outside the window (a protocol deviation to explain). */
  DONE_OUT_OF_WINDOW,
  /** Not done and the window closed before today. */
  OVERDUE,
  /** Not done; today lies in the window. */
  DUE,
  /** Not done; the window opens after today. */
  UPCOMING
}

package org.oligotrial.endpoints;

/**
 * What decided a time-to-event endpoint of one participant: the {@code pfs_source} column of the analysis dataset.
 */
public enum EventSource {
  /** RECIST 1.1 progression computed from the tumour assessments. */
  RECIST,
  /** Clinical progression recorded on the progression form (e.g. progression without imaging). */
  CLINICAL,
  /** Death (within the protocol's window for progression endpoints). */
  DEATH,
  /** No event: censored; {@link TimeToEvent#reason()} says why and where. */
  CENSORED
}

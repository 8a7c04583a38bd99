package org.oligotrial.server.datacapture;

/**
 * The data capture of the trial a request addresses (its path's trial, else the default trial): how the data-capture
 * API serves every trial with one handler. Implemented where the trials' scopes are made.
 */
@FunctionalInterface
public interface DataCaptureOfTrial {
  /** The data capture of the current request's trial. */
  DataCapture current();
}

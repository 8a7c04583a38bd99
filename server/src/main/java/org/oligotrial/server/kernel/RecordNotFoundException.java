package org.oligotrial.server.kernel;

/** No record with that identifier. Maps to HTTP 404. */
public class RecordNotFoundException extends RuntimeException {
  public RecordNotFoundException(String type, String id) {
    super("no " + type + " " + id);
  }
}

package org.oligotrial.units;

/** A unit or analyte that the conversion table does not know. The message names both and lists the known ones. */
public final class UnknownUnitException extends IllegalArgumentException {
  /** @param message the one-line message for the user */
  public UnknownUnitException(String message) {
    super(message);
  }
}

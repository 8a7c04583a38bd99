package org.oligotrial.cdisc.odm;

/**
 * An ODM file that cannot be imported at all: not ODM, another study, another version of the protocol's forms, or
 * malformed XML. The message says why in words and names what was found and what was expected.
 */
public final class OdmRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OdmRefusedException(String message) {
    super(message);
  }

  public OdmRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}

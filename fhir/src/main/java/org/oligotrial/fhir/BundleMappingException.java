package org.oligotrial.fhir;

/**
 * A bundle that cannot be mapped: not FHIR R4 JSON, or a resource whose element holds a value the screening record
 * cannot take. The message names the resource ({@code Observation/ecog}) and the element ({@code valueInteger}).
 */
public final class BundleMappingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param where the resource and element, e.g. {@code Observation/ecog valueInteger}; the problem follows it */
  public BundleMappingException(String where, String problem) {
    super(where + ": " + problem);
  }

  /** With the parser's exception as the cause. */
  public BundleMappingException(String where, String problem, Throwable cause) {
    super(where + ": " + problem, cause);
  }
}

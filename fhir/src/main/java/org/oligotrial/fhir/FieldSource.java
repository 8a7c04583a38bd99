package org.oligotrial.fhir;

/**
 * Where a mapped screening-record field came from: the resource (type and logical id), the element read and the code
 * that identified it ({@code system|code}, or empty when the element carries no code, e.g. Patient.birthDate).
 */
public record FieldSource(String resourceType, String id, String element, String code) {

  /** {@code Observation/lab-WBC valueQuantity (http://loinc.org|6690-2)}. */
  @Override
  public String toString() {
    return resourceType + "/" + id + " " + element + (code.isEmpty() ? "" : " (" + code + ")");
  }
}

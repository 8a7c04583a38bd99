package org.oligotrial.server.datacapture.forms;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Facts read from a participant's stored forms: death, first progression, withdrawal, last contact. Immutable.
 *
 * @param forms the participant's forms
 */
public record FormFacts(List<StoredForm> forms) {
  public FormFacts {
    forms = List.copyOf(forms);
  }

  /** Forms of one type, by date. */
  public List<StoredForm> ofType(String type) {
    return forms.stream().filter(f -> f.formType().equals(type))
        .sorted(Comparator.comparing(StoredForm::formDate, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  /** The date of death, or null. */
  public LocalDate deathDate() {
    return ofType("death").stream().map(StoredForm::formDate).filter(Objects::nonNull).findFirst().orElse(null);
  }

  /** The first progression date, or null. */
  public LocalDate firstProgression() {
    return ofType("progression").stream().map(StoredForm::formDate).filter(Objects::nonNull).findFirst().orElse(null);
  }

  /** The withdrawal form, or null. */
  public StoredForm withdrawal() {
    return ofType("withdrawal").stream().findFirst().orElse(null);
  }

  /** The latest last-known-alive date, or null. */
  public LocalDate lastKnownAlive() {
    return ofType("last-known-alive").stream().map(StoredForm::formDate).filter(Objects::nonNull)
        .max(Comparator.naturalOrder()).orElse(null);
  }

  /** A date field of a form's values, or null when absent or not a date. */
  public static LocalDate date(StoredForm f, String field) {
    JsonNode v = values(f).get(field);
    try {
      return v == null || !v.isString() ? null : LocalDate.parse(v.stringValue());
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /** The values of a form as a JSON tree, as stored. */
  public static JsonNode values(StoredForm f) {
    return FormValidator.JSON.readTree(f.valuesJson());
  }

  /**
   * The values of a form with tumour forms of the older shape read as structured lesions ({@link
   * LegacyTumourValues}); other forms as stored.
   */
  public static JsonNode structured(StoredForm f) {
    return LegacyTumourValues.structured(f.formType(), values(f));
  }

  /** The derived values of a form as a JSON tree (an empty object when none). */
  public static JsonNode derived(StoredForm f) {
    return f.derivedJson() == null ? FormValidator.JSON.createObjectNode() : FormValidator.JSON.readTree(f.derivedJson());
  }
}

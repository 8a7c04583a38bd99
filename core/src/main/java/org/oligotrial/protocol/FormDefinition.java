package org.oligotrial.protocol;

import java.util.List;
import java.util.Optional;

/**
 * A case report form of the protocol (systemic therapy, radiotherapy, tumour assessment, adverse event, ...).
 *
 * @param id the form type, e.g. {@code adverse-event}
 * @param name the form in words
 * @param visits ids of the schedule's visits a form of this type completes (empty when not tied to a visit)
 * @param dateField id of the field holding the form's date (the date the visit took place or the event began)
 * @param fields the fields, in display order
 */
public record FormDefinition(String id, String name, List<String> visits, String dateField, List<FormField> fields) {
  public FormDefinition {
    visits = List.copyOf(visits);
    fields = List.copyOf(fields);
  }

  /** The field with that id, if any. */
  public Optional<FormField> field(String fieldId) {
    return fields.stream().filter(f -> f.id().equals(fieldId)).findFirst();
  }
}

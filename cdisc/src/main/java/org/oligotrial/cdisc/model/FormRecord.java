package org.oligotrial.cdisc.model;

import java.util.List;
import java.util.Optional;

/**
 * One completed form with its current values.
 *
 * @param formType the protocol's form id, e.g. {@code adverse-event}
 * @param visitId the protocol's visit id the form completes, or null for a form not tied to a visit (an adverse
 *     event, a progression, a death); such forms are placed in the log event ({@code SE.LOG} in ODM)
 * @param visitRepeat the occurrence of a repeated visit (1 for the first cycle), 1 for single visits
 * @param formKey a key unique among the subject's forms of this type (the server's form id), the ODM
 *     {@code FormRepeatKey}
 * @param groups the item groups: the form's scalar fields in group {@link FormLayout#MAIN}, each structured field
 *     (RECIST lesions, measurements) as a repeating group named after the field
 */
public record FormRecord(String formType, String visitId, int visitRepeat, String formKey, List<GroupRecord> groups) {
  public FormRecord {
    groups = List.copyOf(groups);
  }

  /** The current value of a scalar field, if recorded. */
  public Optional<String> value(String fieldId) {
    return groups.stream().filter(g -> g.groupId().equals(FormLayout.MAIN)).findFirst()
        .map(g -> g.items().get(fieldId));
  }

  /** The rows of a repeating group (empty when none). */
  public List<GroupRecord> rows(String groupId) {
    return groups.stream().filter(g -> g.groupId().equals(groupId)).toList();
  }
}

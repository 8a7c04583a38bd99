package org.oligotrial.cdisc.model;

/**
 * Where a value lives: form instance, group row and field.
 *
 * @param formType the form type
 * @param visitId the visit id, or null for the log
 * @param visitRepeat the visit occurrence
 * @param formKey the form instance key
 * @param groupId the item group ({@link FormLayout#MAIN} or a structured field's id)
 * @param groupRepeat the row, 1-based
 * @param fieldId the field (for a structured group, the column, e.g. {@code mm})
 */
public record FieldRef(String formType, String visitId, int visitRepeat, String formKey, String groupId,
    int groupRepeat, String fieldId) {}

package org.oligotrial.protocol;

/**
 * A cross-field check of the screening record, declared in the protocol's {@code record.checks}: the record is
 * refused when {@code holds} is false (unknown passes: a check compares only what is there), with the message naming
 * {@code field}. Example: the answer to "intracranial metastasis?" agrees with the coded metastasis sites.
 *
 * @param id the check's id, e.g. {@code RC1}
 * @param field the field the refusal names (where the user corrects it)
 * @param holds the condition every readable record meets, in the rule vocabulary ({@link Rule})
 * @param message what is wrong and how to correct it
 */
public record RecordCheck(String id, String field, Rule holds, String message) {}

package org.oligotrial.cdisc.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of an item group: field id to value, as text in the ODM lexical form of the field's type (ISO 8601
 * dates, {@code true}/{@code false}, decimals with a dot). Fields without a value are absent.
 *
 * @param groupId {@link FormLayout#MAIN} or the id of a structured field (e.g. {@code lesions})
 * @param repeatKey the row number, 1-based ({@code 1} for the main group)
 * @param items field id to value, in the form's order
 */
public record GroupRecord(String groupId, int repeatKey, Map<String, String> items) {
  public GroupRecord {
    items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
  }
}

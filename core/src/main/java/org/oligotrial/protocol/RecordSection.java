package org.oligotrial.protocol;

/**
 * A section of the screening form, grouping record fields under a title.
 *
 * @param id the id fields name in their {@code section}
 * @param title the heading shown
 */
public record RecordSection(String id, String title) {}

package org.oligotrial.protocol;

import java.util.List;

/**
 * A clarification the product takes where the registry record is unclear, shown to users.
 *
 * @param id the note id, e.g. {@code N1}
 * @param text the clarification
 * @param criteria ids of the criteria it concerns; may be empty
 */
public record ProtocolNote(String id, String text, List<String> criteria) {}

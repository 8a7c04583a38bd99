package org.oligotrial.server.kernel;

import org.oligotrial.server.input.RequestTextCheck;
import org.oligotrial.server.input.StrictJsonConfiguration;

/**
 * What a text value may contain, checked once at the edge (JSON bodies and request parameters, see {@link
 * StrictJsonConfiguration} and {@link RequestTextCheck}) rather than field by field.
 *
 * <p>Refused everywhere:
 *
 * <ul>
 *   <li>a lone UTF-16 surrogate (a high surrogate not followed by a low one, or a low one not preceded by a high one):
 *       it is not a Unicode character, cannot be encoded as UTF-8 and broke every later read of the record;
 *   <li>the bidirectional embeddings, overrides and isolates U+202A..U+202E and U+2066..U+2069 (Unicode Standard Annex
 *       #9, "explicit directional formatting"): they reorder how text is shown, so that a value reads differently from
 *       what is stored (CVE-2021-42574, "Trojan Source");
 *   <li>control characters (General Category Cc: U+0000..U+001F, U+007F..U+009F), except TAB, LF and CR in
 *       multi-line text (narratives: reasons, notes, query texts).
 * </ul>
 *
 * <p>Cost: one pass over the characters, no allocation. Stateless and thread-safe.
 */
public final class TextRules {
  private TextRules() {}

  /**
   * Why {@code s} is not acceptable text, or null when it is.
   *
   * @param s the text, not null
   * @param multiLine whether TAB, LF and CR are allowed
   */
  public static String problem(String s, boolean multiLine) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        continue; // printable ASCII: the common case
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return "contains a lone UTF-16 surrogate (U+" + hex(c) + ") at position " + i;
      }
      if (Character.isLowSurrogate(c)) {
        return "contains a lone UTF-16 surrogate (U+" + hex(c) + ") at position " + i;
      }
      if (isBidiControl(c)) {
        return "contains a bidirectional override or isolate (U+" + hex(c) + ") at position " + i;
      }
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
        if (multiLine && (c == '\t' || c == '\n' || c == '\r')) {
          continue;
        }
        return "contains a control character (U+" + hex(c) + ") at position " + i;
      }
    }
    return null;
  }

  /**
   * Whether a field of that name holds narrative text, where TAB, LF and CR are legitimate: names ending in {@code
   * reason}, {@code note(s)}, {@code text}, {@code answer}, {@code comment(s)} or {@code description} (any case, so
   * {@code withdrawalReason} too), and the values of a data-capture form ({@code v.*} on the web form). Everything
   * inside a free-form JSON value (a screening record, form values) is treated as narrative as well.
   */
  public static boolean isNarrative(String name) {
    if (name == null) {
      return false;
    }
    if (name.startsWith("v.")) {
      return true;
    }
    String n = name.toLowerCase(java.util.Locale.ROOT);
    for (String end : NARRATIVE_ENDINGS) {
      if (n.endsWith(end)) {
        return true;
      }
    }
    return false;
  }

  private static final String[] NARRATIVE_ENDINGS = {
    "reason", "note", "notes", "text", "answer", "comment", "comments", "description"
  };

  /** The explicit directional embeddings, overrides and isolates of UAX #9 (LRE, RLE, PDF, LRO, RLO, LRI..PDI). */
  static boolean isBidiControl(int c) {
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
  }

  /**
   * Whether {@code s} holds at least one visible character: one that is not white space (Zs, Zl, Zp, Cc) and not
   * invisible ({@link Identifiers#isInvisible}: format characters such as U+200B ZERO WIDTH SPACE, and the other
   * default-ignorable code points). A zero-width space alone is not a reason for change.
   */
  public static boolean hasVisible(String s) {
    if (s == null) {
      return false;
    }
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && !Character.isISOControl(cp)
          && !Identifiers.isInvisible(cp)) {
        return true;
      }
    }
    return false;
  }

  static String hex(int c) {
    String h = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
    return "0".repeat(Math.max(0, 4 - h.length())) + h;
  }
}

package org.oligotrial.server.kernel;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Identifiers people type (screening numbers, site codes) compared as people read them: {@code DEMO1-001}, {@code
 * " DEMO1-001"}, {@code demo1-001}, {@code ＤＥＭＯ１-００１} (full width) and {@code DEMO1‐001} (U+2010 HYPHEN) are one
 * screening number.
 *
 * <p>{@link #clean} gives the form that is stored and shown:
 *
 * <ol>
 *   <li>Unicode Normalization Form KC (UAX #15): compatibility characters become their plain form (full-width
 *       letters and digits, ligatures, superscripts, U+00A0 NO-BREAK SPACE to a space);
 *   <li>every dash (General Category Pd, e.g. U+2010 HYPHEN, U+2011, U+2013 EN DASH, U+2014 EM DASH, which NFKC keeps)
 *       and U+2212 MINUS SIGN become {@code '-'};
 *   <li>every run of spaces (General Category Zs, after NFKC a plain space) becomes one space, and leading and
 *       trailing spaces go; a tab or line break is refused like a control character;
 *   <li>an invisible character is refused ({@link BadInputException}): controls (Cc, Zl, Zp), format characters (Cf:
 *       U+200B ZERO WIDTH SPACE, U+200C/D joiners, U+2060 WORD JOINER, U+FEFF, U+00AD SOFT HYPHEN, bidirectional
 *       marks and overrides) and the other default-ignorable code points (variation selectors, U+034F, the Hangul
 *       fillers), as is a lone surrogate. Such a character would make two values that look alike different keys, so
 *       it is refused rather than dropped.
 * </ol>
 *
 * <p>{@link #key} gives the comparison key of a cleaned value: its case folded (Unicode full case folding as {@code
 * toUpperCase} then {@code toLowerCase} in {@link Locale#ROOT}, so {@code ß} and {@code SS} agree) and normalized to
 * NFKC again. Unique indexes are on the key ({@code participant.screening_number_key}, {@code site.code_key}).
 *
 * <p>Cost: one pass over the characters; a value of printable ASCII is not normalized. Stateless and thread-safe.
 */
public final class Identifiers {
  private Identifiers() {}

  /**
   * The stored form of an identifier (see the class comment), or null for null. A value that is empty once cleaned
   * is returned empty, for the caller's "is required".
   *
   * @throws BadInputException naming {@code field} when the value holds an invisible character or a lone surrogate
   */
  public static String clean(String field, String raw) {
    if (raw == null) {
      return null;
    }
    String s = isPlainAscii(raw) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFKC);
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.SURROGATE) {
        throw new BadInputException(field, "contains a lone UTF-16 surrogate (U+" + TextRules.hex(cp) + ")");
      }
      if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
        throw new BadInputException(field, "contains a control character, tab or line break (U+"
            + TextRules.hex(cp) + ")");
      }
      if (isInvisible(cp)) {
        throw new BadInputException(field, "contains an invisible character (U+" + TextRules.hex(cp) + ")");
      }
      if (type == Character.SPACE_SEPARATOR) {
        if (!b.isEmpty() && b.charAt(b.length() - 1) != ' ') {
          b.append(' '); // a run of spaces is one space
        }
      } else if (type == Character.DASH_PUNCTUATION || cp == 0x2212) {
        b.append('-');
      } else {
        b.appendCodePoint(cp);
      }
    }
    int end = b.length();
    if (end > 0 && b.charAt(end - 1) == ' ') {
      b.setLength(end - 1);
    }
    return b.toString();
  }

  /** The comparison key of a {@link #clean}ed value: case folded and in NFKC (see the class comment). */
  public static String key(String cleaned) {
    if (isPlainAscii(cleaned)) {
      return cleaned.toLowerCase(Locale.ROOT);
    }
    String folded = cleaned.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    return Normalizer.normalize(folded, Normalizer.Form.NFKC);
  }

  /**
   * The key of a value stored before identifiers were cleaned (the schema migration): invisible characters, controls
   * and lone surrogates are dropped rather than refused, then {@link #clean} and {@link #key}.
   */
  public static String legacyKey(String stored) {
    StringBuilder b = new StringBuilder(stored.length());
    for (int i = 0; i < stored.length(); ) {
      int cp = stored.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (cp == '\t' || cp == '\n' || cp == '\r') {
        b.append(' ');
      } else if (type != Character.SURROGATE && type != Character.CONTROL && type != Character.LINE_SEPARATOR
          && type != Character.PARAGRAPH_SEPARATOR && !isInvisible(cp)) {
        b.appendCodePoint(cp);
      }
    }
    return key(clean("screeningNumber", b.toString()));
  }

  /** Whether {@code raw} is printable ASCII (U+0020..U+007E) only: NFKC leaves it as it is. */
  private static boolean isPlainAscii(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the code point is invisible: a format character (Cf, which includes U+200B..U+200F, U+2060..U+2064,
   * U+FEFF, U+00AD and the bidirectional controls) or another default-ignorable code point of Unicode's
   * DerivedCoreProperties (U+034F COMBINING GRAPHEME JOINER, U+115F/U+1160/U+3164/U+FFA0 Hangul fillers, U+17B4/5,
   * U+180B..U+180F Mongolian selectors, variation selectors U+FE00..U+FE0F and U+E0100..U+E01EF, U+E0000..U+E0FFF).
   */
  public static boolean isInvisible(int cp) {
    return Character.getType(cp) == Character.FORMAT
        || cp == 0x034f || cp == 0x115f || cp == 0x1160 || cp == 0x17b4 || cp == 0x17b5
        || (cp >= 0x180b && cp <= 0x180f) || cp == 0x3164 || cp == 0xffa0
        || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0000 && cp <= 0xe0fff);
  }
}

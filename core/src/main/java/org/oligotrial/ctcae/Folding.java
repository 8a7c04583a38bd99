package org.oligotrial.ctcae;

import java.text.Normalizer;

/**
 * The key terms and queries are compared by: accents removed (Unicode NFD, combining marks dropped), lower case,
 * every run of characters other than {@code a-z} and {@code 0-9} made one space, British spellings of the medical
 * word parts made American as CTCAE spells them ({@code aem -> em}: anaemia, haemorrhage, leukaemia, ischaemia;
 * {@code oes -> es} and {@code oed -> ed} at a word's start: oesophagitis, oedema; {@code rrhoe -> rrhe}: diarrhoea,
 * amenorrhoea; {@code faec -> fec}; {@code tumour -> tumor}; {@code colour -> color}). Stateless and thread-safe.
 */
final class Folding {
  private Folding() {}

  /** The folded form of {@code s}: {@code "Oesophagite  Érosive"} gives {@code "esophagite erosive"}. */
  static String fold(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(d.length());
    boolean space = true;
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      c = Character.toLowerCase(c);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        b.append(c);
        space = false;
      } else if (!space) {
        b.append(' ');
        space = true;
      }
    }
    int n = b.length();
    if (n > 0 && b.charAt(n - 1) == ' ') {
      b.setLength(n - 1);
    }
    String out = b.toString();
    if (out.indexOf('o') >= 0 || out.indexOf('a') >= 0) {
      out = spelling(out);
    }
    return out;
  }

  private static String spelling(String s) {
    String[] words = s.split(" ");
    StringBuilder b = new StringBuilder(s.length());
    for (String w : words) {
      if (b.length() > 0) {
        b.append(' ');
      }
      if (w.startsWith("oes") || w.startsWith("oed")) {
        w = w.substring(1);
      }
      w = w.replace("aem", "em").replace("rrhoe", "rrhe").replace("faec", "fec").replace("tumour", "tumor")
          .replace("colour", "color");
      b.append(w);
    }
    return b.toString();
  }
}

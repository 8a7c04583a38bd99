package org.oligotrial.ctcae;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The synonym table of the type-ahead search: the classpath resource {@code org/oligotrial/ctcae/synonyms.tsv}, one
 * line per word or phrase, a tab, then the CTCAE terms it stands for separated by {@code |}; {@code #} starts a
 * comment. Its header gives the rationale. Every term named must exist in the dictionary, or loading fails naming the
 * line (a build defect, {@link IllegalStateException}).
 */
final class Synonyms {
  static final String RESOURCE = "/org/oligotrial/ctcae/synonyms.tsv";

  /** One line: the folded phrase, its words, and the terms it stands for in table order. */
  record Entry(String phrase, String folded, String[] words, List<CtcaeTerm> terms) {}

  private Synonyms() {}

  static List<Entry> load(Ctcae dictionary) {
    try (InputStream in = Synonyms.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("CTCAE synonym table missing from the classpath: " + RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<Entry> out = new ArrayList<>();
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        if (parts.length != 2) {
          throw new IllegalStateException(RESOURCE + " line " + n + ": expected 'phrase<TAB>term|term'");
        }
        int row = n;
        List<CtcaeTerm> terms = new ArrayList<>();
        for (String name : parts[1].split("\\|")) {
          terms.add(dictionary.term(name.strip()).orElseThrow(() -> new IllegalStateException(
              RESOURCE + " line " + row + ": no CTCAE v5.0 term '" + name.strip() + "'")));
        }
        String folded = Folding.fold(parts[0]);
        out.add(new Entry(parts[0].strip(), folded, folded.split(" "), List.copyOf(terms)));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new IllegalStateException("CTCAE synonym table unreadable: " + e.getMessage(), e);
    }
  }
}

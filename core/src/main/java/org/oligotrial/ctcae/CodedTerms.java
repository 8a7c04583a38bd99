package org.oligotrial.ctcae;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and checks the values of the {@code ctcae-term} and {@code ctcae-grade} form field types against the CTCAE
 * v5.0 dictionary.
 *
 * <p>Entry ({@link #code}): a JSON object with {@code meddraCode} or {@code term} (or both, which must name the same
 * term), optionally {@code soc} (which must be the term's) and {@code otherSpecify} (required, and only allowed, for
 * an "Other, specify" term: the event in words, at most {@value #MAX_OTHER} characters); or a JSON string that is
 * exactly a term's name (ignoring case, accents, punctuation and spacing), as older clients send. Anything else is
 * refused with a {@link CodingException} that names the nearest terms. The stored value is always the canonical
 * object, term, code and SOC spelled as the dictionary does.
 *
 * <p>Reading what is stored ({@link #read}): the object as stored; a string (an entry made before the field was
 * coded) is read as the term it names exactly, or else as an {@link CodedTerm#uncoded uncoded} entry, shown as such
 * until a data manager codes it by changing the form.
 *
 * <p>Grades ({@link #checkGrade}): a coded term takes only the grades that exist for it in CTCAE v5.0 (Nausea 1 to
 * 3; Death NOS 5 only); an uncoded entry takes 1 to 5. Stateless and thread-safe.
 */
public final class CodedTerms {
  /** The longest "Other, specify" text, in characters. */
  public static final int MAX_OTHER = 200;
  private static final Set<String> KEYS = Set.of("term", "meddraCode", "soc", "otherSpecify");

  private CodedTerms() {}

  /**
   * The canonical stored value for an entered one.
   *
   * @throws CodingException when the value names no CTCAE v5.0 term, names two different ones, gives another SOC,
   *     lacks or wrongly carries the "Other, specify" text
   */
  public static ObjectNode code(JsonNode value) {
    Ctcae d = Ctcae.v5();
    CtcaeTerm t;
    String other = null;
    if (value.isString()) {
      t = d.term(value.stringValue()).orElseThrow(() -> unknown(value.stringValue()));
    } else if (value.isObject()) {
      for (String k : value.propertyNames()) {
        if (!KEYS.contains(k)) {
          throw new CodingException(null, "unknown part '" + shorten(k) + "'; expected term, meddraCode, soc, "
              + "otherSpecify");
        }
      }
      String code = text(value, "meddraCode");
      String name = text(value, "term");
      if (code == null && name == null) {
        throw new CodingException(null, "is required: a CTCAE v5.0 term or its MedDRA code");
      }
      CtcaeTerm byCode = code == null ? null
          : d.code(code).orElseThrow(() -> new CodingException("meddraCode", "is not the MedDRA code of a CTCAE v5.0"
              + " term: '" + shorten(code) + "'"));
      CtcaeTerm byName = name == null ? null : d.term(name).orElseThrow(() -> unknown(name));
      if (byCode != null && byName != null && byCode != byName) {
        throw new CodingException("meddraCode", "MedDRA code " + code + " is " + byCode.term() + ", not "
            + byName.term());
      }
      t = byCode != null ? byCode : byName;
      String soc = text(value, "soc");
      if (soc != null && !soc.strip().equals(t.soc())) {
        throw new CodingException("soc", t.term() + " belongs to " + t.soc() + ", not '" + shorten(soc) + "'");
      }
      other = text(value, "otherSpecify");
      if (other != null) {
        other = other.strip();
        if (other.isEmpty()) {
          other = null;
        } else if (other.length() > MAX_OTHER) {
          throw new CodingException("otherSpecify", "is longer than " + MAX_OTHER + " characters");
        }
      }
    } else {
      throw new CodingException(null, "must be a CTCAE v5.0 term: its name, or an object with term or meddraCode");
    }
    if (t.otherSpecify() && other == null) {
      throw new CodingException("otherSpecify", "is required for " + t.term() + ": the event in words");
    }
    if (!t.otherSpecify() && other != null) {
      throw new CodingException("otherSpecify", "is only for an 'Other, specify' term, not " + t.term());
    }
    return json(CodedTerm.of(t, other));
  }

  /** The stored value read back: coded, or uncoded for older free text. Null or missing gives null. */
  public static CodedTerm read(JsonNode stored) {
    if (stored == null || stored.isNull() || stored.isMissingNode()) {
      return null;
    }
    if (stored.isString()) {
      String s = stored.stringValue();
      return Ctcae.v5().term(s).map(t -> t.otherSpecify() ? null : CodedTerm.of(t, null))
          .orElse(CodedTerm.uncoded(s.strip()));
    }
    String code = text(stored, "meddraCode");
    CtcaeTerm t = code == null ? null : Ctcae.v5().code(code).orElse(null);
    if (t == null) {
      String name = text(stored, "term");
      return CodedTerm.uncoded(name == null ? stored.toString() : name);
    }
    return CodedTerm.of(t, text(stored, "otherSpecify"));
  }

  /**
   * Checks a grade against the term.
   *
   * @param term the coded entry (null or uncoded: grades 1 to 5)
   * @param grade the grade entered
   * @throws CodingException when the grade does not exist for the term, naming the grades that do
   */
  public static void checkGrade(CodedTerm term, long grade) {
    CtcaeTerm t = term == null || !term.coded() ? null : Ctcae.v5().code(term.meddraCode()).orElse(null);
    List<Integer> allowed = t == null ? List.of(1, 2, 3, 4, 5) : t.gradeNumbers();
    if (grade < 1 || grade > 5 || !allowed.contains((int) grade)) {
      String list = allowed.stream().map(String::valueOf).collect(Collectors.joining(", "));
      throw new CodingException(null, t == null ? "must be a CTCAE grade 1 to 5, was " + grade
          : "grade " + grade + " does not exist for " + t.term() + " in CTCAE v5.0; allowed grades: " + list);
    }
  }

  /** The canonical JSON of a coded entry. */
  public static ObjectNode json(CodedTerm c) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("term", c.term());
    if (c.coded()) {
      o.put("meddraCode", c.meddraCode());
      o.put("soc", c.soc());
    }
    if (c.otherSpecify() != null) {
      o.put("otherSpecify", c.otherSpecify());
    }
    return o;
  }

  private static CodingException unknown(String name) {
    List<String> near = Ctcae.v5().search(name, 3).stream().map(m -> m.term().term()).toList();
    return new CodingException(null, "is not a CTCAE v5.0 term: '" + shorten(name) + "'"
        + (near.isEmpty() ? "" : "; nearest: " + String.join(", ", near)));
  }

  private static String text(JsonNode o, String key) {
    JsonNode v = o.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isString()) {
      throw new CodingException(key, "must be text");
    }
    return v.stringValue();
  }

  private static String shorten(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "...";
  }
}

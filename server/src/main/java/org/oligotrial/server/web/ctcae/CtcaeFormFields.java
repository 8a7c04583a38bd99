package org.oligotrial.server.web.ctcae;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.oligotrial.ctcae.CodedTerm;
import org.oligotrial.ctcae.CodedTerms;
import org.oligotrial.ctcae.Ctcae;
import org.oligotrial.ctcae.CtcaeTerm;
import org.oligotrial.protocol.FormDefinition;
import org.oligotrial.protocol.FormField;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Between the HTML fields of a coded adverse event and the form's JSON values. A {@code ctcae-term} field {@code term}
 * is two HTML fields: {@code v.term} (the term's name as the type-ahead offers it, or a MedDRA code) and
 * {@code v.term.otherSpecify} (the words of an "Other, specify" term). Also a bean that gives the form page
 * the grades of the term entered ({@link #view}). Stateless and thread-safe.
 */
@Component
public class CtcaeFormFields {
  /** The suffix of the HTML field holding the "Other, specify" text. */
  public static final String OTHER = ".otherSpecify";

  /**
   * One grade offered for a term.
   *
   * @param grade 1 to 5
   * @param text what the option shows: the grade and its CTCAE definition
   */
  public record GradeOption(int grade, String text) {}

  /** The JSON value of a {@code ctcae-term} field from its HTML fields, or null when the term is empty. */
  public static JsonNode value(String raw, String other) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    String s = raw.strip();
    o.put(s.chars().allMatch(Character::isDigit) ? "meddraCode" : "term", s);
    if (other != null && !other.isBlank()) {
      o.put("otherSpecify", other.strip());
    }
    return o;
  }

  /** Fills the HTML fields of a stored {@code ctcae-term} value: the term's name and the "Other, specify" text. */
  public static void current(FormField field, JsonNode stored, Map<String, String> current) {
    CodedTerm c = CodedTerms.read(stored);
    if (c != null) {
      current.put(field.id(), c.term());
      if (c.otherSpecify() != null) {
        current.put(field.id() + OTHER, c.otherSpecify());
      }
    }
  }

  /** What was typed in the "Other, specify" fields, to show the form again. */
  public static void entered(FormDefinition def, MultiValueMap<String, String> params, Map<String, String> out) {
    for (FormField f : def.fields()) {
      String s = f.type().equals("ctcae-term") ? params.getFirst("v." + f.id() + OTHER) : null;
      if (s != null) {
        out.put(f.id() + OTHER, s);
      }
    }
  }

  /**
   * What the form page needs to draw its CTCAE fields, as the model attribute {@code ctcae}.
   *
   * @param termField the id of the form's {@code ctcae-term} field
   * @param grades the grades offered for the term entered so far
   * @param uncoded whether the term field holds text that is no CTCAE v5.0 term (an entry made before coding)
   */
  public record View(String termField, List<GradeOption> grades, boolean uncoded) {}

  /** The view of a form's CTCAE fields for the values shown, by field id. */
  public View view(FormDefinition def, Map<String, String> current) {
    String term = termField(def);
    return new View(term, grades(current.get(term)), uncoded(current.get(term)));
  }

  /** The id of the form's {@code ctcae-term} field (the one a {@code ctcae-grade} field is graded against). */
  public String termField(FormDefinition def) {
    return def.fields().stream().filter(f -> f.type().equals("ctcae-term")).map(FormField::id).findFirst()
        .orElse("term");
  }

  /** The grades of the term so named, with their definitions; 1 to 5 without definitions for an unknown term. */
  public List<GradeOption> grades(String term) {
    CtcaeTerm t = lookUp(term);
    List<GradeOption> out = new ArrayList<>();
    if (t == null) {
      for (int g = 1; g <= 5; g++) {
        out.add(new GradeOption(g, "Grade " + g));
      }
      return out;
    }
    t.grades().forEach((g, d) -> out.add(new GradeOption(g, "Grade " + g + ": " + d)));
    return out;
  }

  /** Whether a term field holds text that is not a CTCAE v5.0 term (an entry made before coding, or a typo). */
  public boolean uncoded(String term) {
    return term != null && !term.isBlank() && lookUp(term) == null;
  }

  static CtcaeTerm lookUp(String term) {
    if (term == null || term.isBlank()) {
      return null;
    }
    String s = term.strip();
    return (s.chars().allMatch(Character::isDigit) ? Ctcae.v5().code(s) : Ctcae.v5().term(s)).orElse(null);
  }
}

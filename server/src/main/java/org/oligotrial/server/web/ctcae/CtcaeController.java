package org.oligotrial.server.web.ctcae;

import java.util.List;
import org.oligotrial.ctcae.Ctcae;
import org.oligotrial.ctcae.TermSearch;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The CTCAE v5.0 pieces of the adverse-event form, as HTML fragments for htmx (any signed-in user; the dictionary is
 * public):
 *
 * <ul>
 *   <li>{@code GET /ctcae/terms?q=rash} (or {@code ?field=term&v.term=rash}, as the form's input sends it): at most
 *       {@value #LIMIT} {@code <option>}s for the input's {@code <datalist>}, best match first
 *       ({@link TermSearch}), each with its system organ class;
 *   <li>{@code GET /ctcae/grades?term=Nausea} (or {@code ?field=term&v.term=Nausea&grade=grade&v.grade=2}): the
 *       {@code <option>}s of the grade select, only the grades that exist for the term, each with its definition.
 * </ul>
 */
@Controller
class CtcaeController {
  static final int LIMIT = 20;
  private final CtcaeFormFields fields;

  CtcaeController(CtcaeFormFields fields) {
    this.fields = fields;
  }

  @GetMapping("/ctcae/terms")
  String terms(@RequestParam MultiValueMap<String, String> params, Model m) {
    String q = param(params, "q", "field");
    List<TermSearch.Match> matches = q == null || q.length() > 200 ? List.of() : Ctcae.v5().search(q, LIMIT);
    m.addAttribute("matches", matches);
    return "ctcae/fields :: options";
  }

  @GetMapping("/ctcae/grades")
  String grades(@RequestParam MultiValueMap<String, String> params, Model m) {
    String term = param(params, "term", "field");
    m.addAttribute("grades", fields.grades(term == null || term.length() > 200 ? null : term));
    m.addAttribute("selected", param(params, "selected", "grade"));
    return "ctcae/fields :: gradeOptions";
  }

  /** The parameter {@code direct}, or the form field {@code v.<name>} whose name is given by {@code byName}. */
  private static String param(MultiValueMap<String, String> params, String direct, String byName) {
    String v = params.getFirst(direct);
    if (v != null) {
      return v;
    }
    String name = params.getFirst(byName);
    return name == null ? null : params.getFirst("v." + name);
  }
}

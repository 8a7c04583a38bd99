package org.oligotrial.server.web.tumour;

import java.util.Arrays;
import java.util.List;
import org.oligotrial.recist.ImagingMethod;
import org.oligotrial.recist.LesionRole;
import org.oligotrial.recist.LesionSite;
import org.oligotrial.server.datacapture.forms.FormFacts;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.springframework.ui.Model;
import tools.jackson.databind.JsonNode;

/** The coded lists of the lesion pages (from the core's RECIST model) and the stored tumour forms as the pages read them. */
public final class Lesions {
  /** One code of a list with its words. */
  public record Choice(String code, String label) {}

  static final List<Choice> SITES = Arrays.stream(LesionSite.values())
      .map(s -> new Choice(s.code(), s.label())).toList();
  static final List<Choice> ROLES = Arrays.stream(LesionRole.values())
      .map(r -> new Choice(r.code(), r.label())).toList();
  static final List<String> METHODS = ImagingMethod.codes();

  private Lesions() {}

  static void vocabulary(Model m) {
    m.addAttribute("sites", SITES);
    m.addAttribute("roles", ROLES);
    m.addAttribute("methods", METHODS);
  }

  /** The values of a stored baseline form. */
  static JsonNode baselineValues(StoredForm f) {
    return FormFacts.structured(f);
  }

  /** The values of a stored follow-up assessment form. */
  static JsonNode assessmentValues(StoredForm f) {
    return FormFacts.structured(f);
  }
}

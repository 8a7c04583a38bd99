package org.oligotrial.server.web.tumour;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oligotrial.recist.BaselineFinding;
import org.oligotrial.recist.BaselineLesion;
import org.oligotrial.recist.BaselineRules;
import org.oligotrial.recist.ImagingMethod;
import org.oligotrial.recist.LesionRole;
import org.oligotrial.recist.LesionSite;

/**
 * The live check of the baseline editor: each row read into the core's {@link BaselineLesion} (a row that cannot be
 * read gets its own message: no site chosen, a size that is not a number) and the core's {@link BaselineRules} run
 * over the rows that could be read, their findings kept with the lesion they name, in the core's words.
 *
 * @param ok true when no row has a problem and no rule is broken (warnings allowed)
 * @param targets number of rows marked target
 * @param nonTargets number of rows marked non-target
 * @param sum sum of the target diameters in mm (longest diameters plus node short axes), null when none is typed
 * @param problems every message, in row order, with the anchor of its row
 * @param byLesion lesion id to its messages
 */
public record BaselineCheck(boolean ok, int targets, int nonTargets, BigDecimal sum, List<Problem> problems,
    Map<String, List<String>> byLesion) {

  private static final BigDecimal LIMIT = new BigDecimal("1000000");

  /** One message and where it points. */
  public record Problem(String anchor, String text) {}

  static BaselineCheck of(BaselineForm form) {
    Map<String, List<String>> by = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    List<BaselineLesion> lesions = new ArrayList<>();
    int targets = 0;
    BigDecimal sum = null;
    boolean ok = true;
    for (BaselineForm.Row r : form.lesions()) {
      by.put(r.id(), new ArrayList<>());
      boolean target = !"no".equals(r.target());
      if (target) {
        targets++;
      }
      String unread = null;
      LesionSite site = LesionSite.fromCode(r.site());
      BigDecimal mm = number(r.mm());
      BigDecimal slice = number(r.sliceThicknessMm());
      if (site == null) {
        unread = r.id() + ": choose the organ or site.";
      } else if (!r.mm().isEmpty() && mm == null) {
        unread = r.id() + ": the size must be a number of millimetres.";
      } else if (!r.sliceThicknessMm().isEmpty() && slice == null) {
        unread = r.id() + ": the slice thickness must be a number of millimetres.";
      }
      if (unread != null) {
        add(by, problems, r.id(), unread);
        ok = false;
        continue;
      }
      if (target && mm != null) {
        sum = sum == null ? mm : sum.add(mm);
      }
      LesionRole role = LesionRole.fromCode(r.role());
      lesions.add(new BaselineLesion(r.id(), target, site, r.siteText().isEmpty() ? null : r.siteText(),
          "yes".equals(r.nodal()), mm, ImagingMethod.fromCode(r.method()), slice,
          role == null ? LesionRole.OTHER : role));
    }
    if (!lesions.isEmpty() || form.lesions().isEmpty()) {
      for (BaselineFinding f : BaselineRules.check(lesions)) {
        add(by, problems, f.lesionId(), (f.error() ? "" : "Warning: ") + f.message());
        ok &= !f.error();
      }
    }
    return new BaselineCheck(ok, targets, form.lesions().size() - targets, sum, problems, by);
  }

  private static void add(Map<String, List<String>> by, List<Problem> problems, String id, String text) {
    if (id != null && by.containsKey(id)) {
      by.get(id).add(text);
      problems.add(new Problem("#msg-" + id, text));
    } else {
      problems.add(new Problem("#add-lesion", text));
    }
  }

  private static BigDecimal number(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    try {
      BigDecimal d = new BigDecimal(s);
      // a size is at most a few metres with a few decimals; anything else is a typing slip, not a size to add up
      return d.abs().compareTo(LIMIT) < 0 && d.scale() <= 6 ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

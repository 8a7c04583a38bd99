package org.oligotrial.server.web.tumour;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.springframework.ui.Model;

/**
 * A refused save shown on the lesion pages: the field the service named ({@code values.lesions[2].mm}, {@code
 * values.date}, {@code reason}) turned into the message and the anchor of the row or input it concerns.
 *
 * @param field the short field name for the page ({@code date}, {@code reason}, a lesion id, or the service's name)
 * @param anchor where the message links to
 * @param text the message
 */
record FieldError(String field, String anchor, String text) {
  private static final Pattern ROW = Pattern.compile("^values\\.(lesions|newLesions)\\[(\\d+)].*$");
  private static final Pattern KEYED = Pattern.compile("^values\\.(targets|nonTargets|earlierNewLesions)\\.(\\w+)$");

  /**
   * @param rowIds the lesion ids of the page's editable rows, in order (for {@code values.lesions[i]...})
   */
  static FieldError of(InvalidFieldException e, List<String> rowIds) {
    String f = e.field();
    String text = e.getMessage();
    if (f.equals("values.date") || f.equals("date")) {
      return new FieldError("date", "#f-date", text);
    }
    if (f.equals("reason")) {
      return new FieldError("reason", "#reason", text);
    }
    Matcher m = ROW.matcher(f);
    if (m.matches()) {
      int i = Integer.parseInt(m.group(2));
      if (i < rowIds.size()) {
        return new FieldError(rowIds.get(i), "#msg-" + rowIds.get(i), text);
      }
    }
    Matcher k = KEYED.matcher(f);
    if (k.matches()) {
      return new FieldError(k.group(2), "#msg-" + k.group(2), text);
    }
    return new FieldError(f, "#main", text);
  }

  /** Puts a refused save's message, field and anchor on the page's model (the attributes both lesion pages show). */
  static void show(Model model, InvalidFieldException e, List<String> rowIds) {
    FieldError err = of(e, rowIds);
    model.addAttribute("error", err.text());
    model.addAttribute("errorField", err.field());
    model.addAttribute("errorAnchor", err.anchor());
  }
}

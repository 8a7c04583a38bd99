package org.oligotrial.protocol;

import java.util.List;

/**
 * A data check run whenever a form is saved. The kinds (each documented in docs/datacapture.md):
 *
 * <ul>
 *   <li>{@code after-randomization}: the form's date is on or after the randomization date ({@code forms} lists the
 *       form types it applies to; empty means every form except those in {@code exceptForms})
 *   <li>{@code not-after-death}: no form date after a recorded death
 *   <li>{@code date-order}: {@code field} is not before (dates) or not below (numbers) {@code otherField} in one form
 *   <li>{@code range}: {@code field} lies in {@code range} (a plausibility range inside the hard field range)
 *   <li>{@code arm-only}: forms of these types are expected only in arm {@code arm}
 *   <li>{@code progression-confirmed}: a progression is dated on a tumour assessment whose RECIST response is PD
 *   <li>{@code within-hours}: the date-time in {@code field} is at most {@code max} hours after the date-time in
 *       {@code otherField} (the serious-adverse-event report sent within 24 hours of awareness, ICH E2A;
 *       {@link org.oligotrial.safety.ReportingDeadline}); not checked while {@code field} is empty
 *   <li>{@code any-true}: at least one of the boolean fields {@code fields} is true (a serious adverse event meets
 *       at least one ICH E2A seriousness criterion)
 *   <li>{@code regimen-matches}: the regimen in {@code field} has the category (targeted or chemotherapy) of the
 *       first-line therapy the participant was stratified with
 * </ul>
 *
 * @param id check id, e.g. {@code EC3}
 * @param kind one of the kinds above
 * @param severity {@code block} (the save is refused, HTTP 422 naming the field) or {@code query} (the save is kept
 *     and a query is opened on the field)
 * @param forms the form types checked (empty: all)
 * @param exceptForms form types not checked
 * @param field the field checked, where the kind needs one
 * @param otherField the field compared with, for {@code date-order}
 * @param range the interval, for {@code range}
 * @param arm the arm id, for {@code arm-only}
 * @param message the message shown, naming the problem in words
 * @param fields the fields of an {@code any-true} check (empty for other kinds)
 */
public record EditCheck(String id, String kind, String severity, List<String> forms, List<String> exceptForms,
    String field, String otherField, Range range, String arm, String message, List<String> fields) {

  /** The kinds a protocol file may use. */
  public static final List<String> KINDS = List.of("after-randomization", "not-after-death", "date-order", "range",
      "arm-only", "progression-confirmed", "regimen-matches", "within-hours", "any-true");

  public EditCheck {
    forms = List.copyOf(forms);
    exceptForms = List.copyOf(exceptForms);
    fields = List.copyOf(fields);
  }

  /** Whether the check looks at forms of that type. */
  public boolean appliesTo(String formType) {
    return (forms.isEmpty() || forms.contains(formType)) && !exceptForms.contains(formType);
  }

  /** Whether a failure refuses the save (otherwise it opens a query). */
  public boolean blocks() {
    return "block".equals(severity);
  }
}

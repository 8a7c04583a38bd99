package org.oligotrial.endpoints;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reconciliation of the RECIST progression computed from the tumour assessments with the progression form, both ways
 * (see {@link EndpointDerivation}): a RECIST progression without any form, a form seen on imaging without RECIST
 * progression, and differing dates (the RECIST date against the earliest form with imaging). Only data within
 * follow-up (up to withdrawal) count. A form of a progression without imaging is clinical by nature and opens none.
 * Stateless and thread-safe.
 */
final class Reconciliation {
  private Reconciliation() {}

  /**
   * @param h the history
   * @param recistDate the first RECIST progression date, or null
   * @return at most one finding
   */
  static List<ReconciliationFinding> of(ParticipantHistory h, LocalDate recistDate) {
    String id = h.participantId();
    LocalDate recist = recistDate;
    if (recist != null && !EndpointDerivation.withinFollowUp(h, recist)) {
      recist = null;
    }
    List<ProgressionEvent> forms = h.progressions().stream().filter(p -> EndpointDerivation.withinFollowUp(h, p.date())).toList();
    LocalDate imaging = forms.stream().filter(p -> !p.withoutImaging()).map(ProgressionEvent::date)
        .min(Comparator.naturalOrder()).orElse(null);
    List<ReconciliationFinding> out = new ArrayList<>();
    if (recist != null && forms.isEmpty()) {
      out.add(new ReconciliationFinding(id, ReconciliationFinding.Kind.RECIST_PD_WITHOUT_FORM, recist, null,
          "the tumour assessments show RECIST progression on " + recist + " but no progression form is recorded"));
    } else if (recist == null && imaging != null) {
      out.add(new ReconciliationFinding(id, ReconciliationFinding.Kind.FORM_WITHOUT_RECIST_PD, null, imaging,
          "a progression form dated " + imaging + " is recorded but no tumour assessment shows RECIST progression"));
    } else if (recist != null && imaging != null && !recist.equals(imaging)) {
      out.add(new ReconciliationFinding(id, ReconciliationFinding.Kind.DATES_DIFFER, recist, imaging,
          "RECIST progression date " + recist + " (tumour assessments) differs from the progression form date "
              + imaging));
    }
    return out;
  }
}

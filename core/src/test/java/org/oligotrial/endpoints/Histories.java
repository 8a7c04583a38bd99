package org.oligotrial.endpoints;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small builder of hand-made participant histories; randomization on 2024-01-01 and events by day offset. */
final class Histories {
  static final LocalDate DAY0 = LocalDate.of(2024, 1, 1);

  private String id = "P001";
  private String arm = "RT+";
  private final Map<String, String> strata = new LinkedHashMap<>();
  private final List<ProgressionEvent> progressions = new ArrayList<>();
  private final List<LocalDate> assessments = new ArrayList<>();
  private LocalDate death;
  private LocalDate alive;
  private LocalDate withdrawal;
  private final List<TreatedLesion> treated = new ArrayList<>();
  private final List<AdverseEvent> aes = new ArrayList<>();
  private TreatmentDelivery delivery = TreatmentDelivery.NONE;
  private org.oligotrial.recist.TumourAssessments tumour;

  static Histories participant() {
    return new Histories();
  }

  static LocalDate day(int d) {
    return DAY0.plusDays(d);
  }

  Histories id(String v) {
    id = v;
    return this;
  }

  Histories arm(String v) {
    arm = v;
    return this;
  }

  Histories stratum(String factor, String level) {
    strata.put(factor, level);
    return this;
  }

  Histories assessedOn(int... days) {
    for (int d : days) {
      assessments.add(day(d));
    }
    return this;
  }

  Histories progression(int d, ProgressionSite site) {
    progressions.add(new ProgressionEvent(day(d), site));
    return this;
  }

  /** A progression form: site, the lesion it names (or null), and whether the progression was seen without imaging. */
  Histories progressionForm(int d, ProgressionSite site, String lesionId, boolean withoutImaging) {
    progressions.add(new ProgressionEvent(day(d), site, lesionId, withoutImaging));
    return this;
  }

  Histories tumour(org.oligotrial.recist.TumourAssessments t) {
    tumour = t;
    return this;
  }

  Histories diedOn(int d) {
    death = day(d);
    return this;
  }

  Histories lastKnownAlive(int d) {
    alive = day(d);
    return this;
  }

  Histories withdrewOn(int d) {
    withdrawal = day(d);
    return this;
  }

  Histories treatedLesion(String lesion, Integer localProgressionDay) {
    treated.add(new TreatedLesion(lesion, localProgressionDay == null ? null : day(localProgressionDay)));
    return this;
  }

  Histories adverseEvent(String term, int grade) {
    aes.add(new AdverseEvent(term, grade));
    return this;
  }

  Histories delivered(int plannedCycles, int cycles, int plannedFractions, int fractions) {
    delivery = new TreatmentDelivery(plannedCycles, cycles, plannedFractions, fractions);
    return this;
  }

  ParticipantHistory build() {
    return new ParticipantHistory(id, arm, strata, DAY0, progressions, assessments, death, alive, withdrawal, treated,
        aes, delivery, tumour);
  }

  ParticipantEndpoints derive() {
    return new EndpointDerivation(org.oligotrial.protocol.ProtocolLoader.bundled()).derive(build());
  }
}

package org.oligotrial.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.oligotrial.recist.BaselineLesion;
import org.oligotrial.recist.FollowUpAssessment;
import org.oligotrial.recist.ImagingMethod;
import org.oligotrial.recist.LesionRole;
import org.oligotrial.recist.LesionScope;
import org.oligotrial.recist.LesionSite;
import org.oligotrial.recist.NewLesion;
import org.oligotrial.recist.NonTargetStatus;
import org.oligotrial.recist.TumourAssessments;
import org.oligotrial.recist.TumourEvaluation;
import org.oligotrial.recist.TumourEvaluator;

/**
 * Invariants of structured assessments and the endpoints derived from them, on seeded random histories (a failure
 * replays with the same seed):
 *
 * <ul>
 *   <li>an assessment's evaluation depends only on it and the earlier ones: evaluating the first k assessments gives
 *       the first k results of the whole history;
 *   <li>a progression found in the first k assessments stays at its date for a scope (RECIST applied to the scope's
 *       lesions looks only backwards), and for RECIST itself can only move earlier (an equivocal run confirmed
 *       later is dated back);
 *   <li>PFS is never after the RECIST progression date nor after OS; a PFS decided by RECIST is dated at it;
 *   <li>every sum is the sum of the measured targets.
 * </ul>
 */
class TumourEndpointPropertiesTest {
  private static final LocalDate DAY0 = LocalDate.of(2024, 1, 1);
  private static final LesionSite[] TARGET_SITES =
      {LesionSite.LUNG, LesionSite.LIVER, LesionSite.ADRENAL, LesionSite.BONE, LesionSite.MEDIASTINAL_NODE};
  private static final LesionSite[] NEW_SITES = {LesionSite.LIVER, LesionSite.HILAR_NODE, LesionSite.BRAIN};

  private static TumourAssessments random(Random r) {
    List<BaselineLesion> lesions = new ArrayList<>();
    int targets = 1 + r.nextInt(5);
    for (int i = 0; i < targets; i++) {
      LesionSite site = TARGET_SITES[i];
      LesionRole role = i == 0 ? LesionRole.PRIMARY : r.nextBoolean() ? LesionRole.OLIGOMETASTATIC : LesionRole.OTHER;
      int mm = site.node() ? 15 + r.nextInt(30) : 10 + r.nextInt(60);
      lesions.add(new BaselineLesion("T" + (i + 1), true, site, null, site.node(), BigDecimal.valueOf(mm),
          ImagingMethod.CT, null, role));
    }
    int nonTargets = r.nextInt(3);
    for (int i = 0; i < nonTargets; i++) {
      lesions.add(new BaselineLesion("N" + (i + 1), false, i == 0 ? LesionSite.PLEURA : LesionSite.BRAIN, null, false,
          null, ImagingMethod.CT, null, r.nextBoolean() ? LesionRole.OLIGOMETASTATIC : LesionRole.OTHER));
    }
    List<FollowUpAssessment> followUps = new ArrayList<>();
    int n = 1 + r.nextInt(6);
    for (int k = 1; k <= n; k++) {
      Map<String, BigDecimal> measures = new LinkedHashMap<>();
      for (BaselineLesion l : lesions) {
        if (l.target()) {
          measures.put(l.id(), r.nextInt(12) == 0 ? null : BigDecimal.valueOf(r.nextInt(80)));
        }
      }
      Map<String, NonTargetStatus> statuses = new LinkedHashMap<>();
      for (BaselineLesion l : lesions) {
        if (!l.target()) {
          int s = r.nextInt(20);
          statuses.put(l.id(), s == 0 ? NonTargetStatus.PROGRESSION : s < 3 ? NonTargetStatus.NOT_EVALUATED
              : s < 8 ? NonTargetStatus.ABSENT : NonTargetStatus.PRESENT);
        }
      }
      List<NewLesion> news = new ArrayList<>();
      for (int j = 0; j < NEW_SITES.length; j++) {
        if (r.nextInt(6) == 0) {
          news.add(new NewLesion("NL" + (j + 1), NEW_SITES[j], null, r.nextBoolean()));
        }
      }
      followUps.add(new FollowUpAssessment(DAY0.plusDays(42L * k), measures, statuses, news));
    }
    return new TumourAssessments(DAY0.minusDays(7), lesions, followUps);
  }

  @Test
  void evaluationLooksOnlyBackwards() {
    Random r = new Random(20250615L);
    TumourEvaluator evaluator = new TumourEvaluator();
    for (int trial = 0; trial < 1500; trial++) {
      TumourAssessments t = random(r);
      TumourEvaluation full = evaluator.evaluate(t);
      for (int k = 1; k < t.followUps().size(); k++) {
        TumourAssessments prefix = new TumourAssessments(t.baselineDate(), t.lesions(), t.followUps().subList(0, k));
        TumourEvaluation part = evaluator.evaluate(prefix);
        String why = "trial " + trial + ", first " + k + " of " + t.followUps().size();
        assertThat(part.recist().assessments()).as(why).isEqualTo(full.recist().assessments().subList(0, k));
        for (LesionScope s : LesionScope.values()) {
          LocalDate p = part.progressionDate(s);
          if (p == null) {
            continue;
          }
          if (s == LesionScope.ALL) {
            assertThat(full.progressionDate(s)).as(why + " " + s).isBeforeOrEqualTo(p);
          } else {
            assertThat(full.progressionDate(s)).as(why + " " + s).isEqualTo(p);
          }
        }
      }
      for (int i = 0; i < t.followUps().size(); i++) {
        FollowUpAssessment a = t.followUps().get(i);
        BigDecimal sum = a.targets().values().stream().filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(full.recist().assessments().get(i).sum()).as("trial " + trial).isEqualByComparingTo(sum);
      }
    }
  }

  @Test
  void pfsIsTheEarliestSourceAndNeverAfterOs() {
    Random r = new Random(3119519L);
    EndpointDerivation derivation = new EndpointDerivation(org.oligotrial.protocol.ProtocolLoader.bundled());
    for (int trial = 0; trial < 1500; trial++) {
      TumourAssessments t = random(r);
      int lastDay = 42 * t.followUps().size();
      List<ProgressionEvent> forms = new ArrayList<>();
      if (r.nextInt(3) == 0) {
        forms.add(new ProgressionEvent(DAY0.plusDays(1 + r.nextInt(lastDay)),
            ProgressionSite.values()[r.nextInt(3)], null, r.nextBoolean()));
      }
      LocalDate death = r.nextInt(3) == 0 ? DAY0.plusDays(lastDay + 1 + r.nextInt(200)) : null;
      ParticipantHistory h = new ParticipantHistory("P" + trial, "RT+", Map.of(), DAY0, forms, List.of(), death, null,
          null, List.of(), List.of(), TreatmentDelivery.NONE, t);
      ParticipantEndpoints e = derivation.derive(h);
      String why = "trial " + trial;
      assertThat(e.endpoint("pfs").days()).as(why).isLessThanOrEqualTo(e.endpoint("os").days());
      LocalDate recist = e.tumour().progressionDate();
      if (recist != null) {
        assertThat(e.endpoint("pfs").event()).as(why).isTrue();
        assertThat(e.endpoint("pfs").date()).as(why).isBeforeOrEqualTo(recist);
      }
      if (!forms.isEmpty()) {
        assertThat(e.endpoint("pfs").date()).as(why).isBeforeOrEqualTo(forms.get(0).date());
      }
      if (e.endpoint("pfs").source() == EventSource.RECIST) {
        assertThat(e.endpoint("pfs").date()).as(why).isEqualTo(recist);
      }
      if (e.endpoint("pfs").source() == EventSource.DEATH) {
        assertThat(e.endpoint("pfs").date()).as(why).isEqualTo(death);
      }
    }
  }
}

package org.oligotrial.server.web.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.oligotrial.ctcae.CodedTerm;
import org.oligotrial.ctcae.CodedTerms;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.forms.FormFacts;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.datacapture.queries.DataQuery;
import org.oligotrial.server.datacapture.visits.ExpectedVisit;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.ConflictException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the participant page shows from data capture, for a randomized participant.
 *
 * @param visits expected visits with status (done, due, overdue, out of window, upcoming)
 * @param forms every form, newest first
 * @param recist baseline and assessments with the sum of target diameters
 * @param recistChart inline SVG of the sums over time, or null with fewer than one point
 * @param adverseEvents adverse-event forms, read
 * @param queries the participant's queries
 */
public record ClinicalView(List<ExpectedVisit> visits, List<StoredForm> forms, List<RecistRow> recist,
    String recistChart, List<AdverseEventRow> adverseEvents, List<DataQuery> queries) {
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** One tumour measurement time point. */
  public record RecistRow(LocalDate date, String kind, BigDecimal sumMm, String change, String response,
      String formId) {}

  /** One adverse event. */
  public record AdverseEventRow(String term, int grade, String start, String end, boolean serious, String formId) {}

  /** The term as the page shows it; an entry made before coding is marked uncoded. */
  static String termLabel(JsonNode stored) {
    CodedTerm c = CodedTerms.read(stored);
    return c == null ? "" : c.coded() ? c.label() : c.label() + " (uncoded)";
  }

  /** The view, or null when the participant is not randomized (data capture starts at randomization). */
  public static ClinicalView of(DataCapture dc, Actor actor, String participantId) {
    List<ExpectedVisit> visits;
    try {
      visits = dc.visits().forParticipant(actor, participantId);
    } catch (ConflictException e) {
      return null;
    }
    List<StoredForm> forms = new ArrayList<>(dc.forms().list(actor, participantId));
    forms.sort(Comparator.comparing(StoredForm::formDate, Comparator.nullsLast(Comparator.naturalOrder()))
        .reversed());
    List<RecistRow> recist = new ArrayList<>();
    List<AdverseEventRow> aes = new ArrayList<>();
    for (StoredForm f : forms) {
      JsonNode v = FormFacts.structured(f);
      switch (f.formType()) {
        case "tumour-baseline" -> {
          BigDecimal sum = BigDecimal.ZERO;
          for (JsonNode t : v.path("lesions")) {
            if ("target".equals(t.path("type").asString("")) && t.path("mm").isNumber()) {
              sum = sum.add(t.path("mm").decimalValue());
            }
          }
          recist.add(new RecistRow(f.formDate(), "baseline", sum, "", "", f.id()));
        }
        case "tumour-assessment" -> {
          JsonNode d = f.derivedJson() == null ? JSON.createObjectNode() : JSON.readTree(f.derivedJson());
          BigDecimal sum = d.path("sumMm").isNumber() ? d.path("sumMm").decimalValue() : null;
          String change = d.path("changeFromBaselinePct").isNumber()
              ? String.format(Locale.ROOT, "%+.1f%%", d.path("changeFromBaselinePct").doubleValue()) : "";
          recist.add(new RecistRow(f.formDate(), "assessment", sum, change,
              d.path("overallResponse").asString(""), f.id()));
        }
        case "adverse-event" -> aes.add(new AdverseEventRow(termLabel(v.get("term")), v.path("grade").asInt(),
            v.path("startDate").asString(""), v.path("endDate").asString(""), v.path("serious").asBoolean(),
            f.id()));
        default -> {
          // other forms are listed with the forms
        }
      }
    }
    recist.sort(Comparator.comparing(RecistRow::date));
    List<DataQuery> queries = dc.queries().list(actor, null, null).stream()
        .filter(q -> q.participantId().equals(participantId)).toList();
    return new ClinicalView(visits, forms, recist, RecistChart.svg(recist), aes, queries);
  }
}

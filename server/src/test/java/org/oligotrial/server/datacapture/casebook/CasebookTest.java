package org.oligotrial.server.datacapture.casebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.datacapture.visits.ExpectedVisit;
import org.oligotrial.server.datacapture.visits.VisitStatus;

/**
 * The casebook grid from a schedule and forms made by hand, against SABR-COMET's protocol
 * ({@code protocols/nct01446744.yaml}: the 3-monthly follow-up collects the tumour assessment, the FACT-G
 * questionnaire, death and last known alive; the baseline collects the tumour baseline and FACT-G).
 */
class CasebookTest {
  static final Protocol SABR = ProtocolLoader.load(Path.of("../protocols/nct01446744.yaml"));
  static final LocalDate D0 = LocalDate.of(2026, 1, 5);

  private static ExpectedVisit visit(String id, String name, int occ, int day, VisitStatus st, String formId) {
    LocalDate t = D0.plusDays(day);
    return new ExpectedVisit(id, name, occ, day, t, t.minusDays(14), t.plusDays(14), st, formId, null, false);
  }

  private static StoredForm form(String id, String type, String visit, Integer occ, String status) {
    return new StoredForm(id, "p1", "A", type, visit, occ, D0, "{}", null, 1, status, null, null, null,
        Instant.EPOCH, "coord.a");
  }

  @Test
  void eachCellIsTheFormOfThatTypeAtThatVisitWithItsStatus() {
    List<ExpectedVisit> visits = List.of(
        visit("baseline", "baseline", 1, 0, VisitStatus.DONE, "tb"),
        visit("follow-up-3-monthly", "3-monthly follow-up", 1, 91, VisitStatus.DONE, "ta1"),
        visit("follow-up-3-monthly", "3-monthly follow-up", 2, 182, VisitStatus.OVERDUE, null),
        visit("follow-up-3-monthly", "3-monthly follow-up", 3, 273, VisitStatus.UPCOMING, null));
    List<StoredForm> forms = List.of(
        form("tb", "tumour-baseline", null, null, StoredForm.LOCKED), // placed by the schedule (formId of the visit)
        form("ta1", "tumour-assessment", "follow-up-3-monthly", 1, StoredForm.SIGNED),
        form("q1", "fact-g", "follow-up-3-monthly", 1, StoredForm.ENTERED),
        form("ae", "adverse-event", null, null, StoredForm.ENTERED));
    Casebook c = Casebook.of(SABR, visits, forms, Set.of("q1"), Set.of("ta1", "ae"));

    // columns: the protocol's forms that name a visit, in the protocol's order; the adverse event is not one
    assertThat(c.columns()).extracting(Casebook.Column::formType)
        .containsExactly("sabr", "tumour-baseline", "tumour-assessment", "fact-g", "death", "last-known-alive");
    int sabr = 0;
    int baseline = 1;
    int assessment = 2;
    int factG = 3;
    Casebook.Row b = c.rows().get(0);
    assertThat(b.cells().get(sabr)).isNull(); // the SABR form is not collected at baseline
    assertThat(b.cells().get(baseline).status()).isEqualTo(CellStatus.LOCKED);
    assertThat(b.cells().get(baseline).formId()).isEqualTo("tb");
    assertThat(b.cells().get(factG).status()).isEqualTo(CellStatus.NOT_STARTED);
    Casebook.Row f1 = c.rows().get(1);
    assertThat(f1.name()).isEqualTo("3-monthly follow-up 1");
    assertThat(f1.cells().get(assessment).status()).isEqualTo(CellStatus.SIGNED);
    assertThat(f1.cells().get(factG).status()).isEqualTo(CellStatus.QUERIED); // an open query outranks entered
    // verification is a mark beside the status: the signed, fully verified assessment reads both
    assertThat(f1.cells().get(assessment).verified()).isTrue();
    assertThat(f1.cells().get(assessment).label()).isEqualTo("signed, verified");
    assertThat(f1.cells().get(factG).verified()).isFalse();
    assertThat(f1.cells().get(factG).label()).isEqualTo("queried");
    assertThat(b.cells().get(factG).verified()).isFalse(); // no form, no mark
    Casebook.Row f2 = c.rows().get(2);
    assertThat(f2.overdue()).isTrue();
    assertThat(f2.cells().stream().filter(x -> x != null).map(Casebook.Cell::status))
        .containsOnly(CellStatus.OVERDUE);
    Casebook.Row f3 = c.rows().get(3);
    assertThat(f3.cells().stream().filter(x -> x != null).map(Casebook.Cell::status))
        .containsOnly(CellStatus.NOT_STARTED);
    assertThat(c.unscheduled()).extracting(Casebook.Entry::formId).containsExactly("ae");
    assertThat(c.unscheduled().get(0).label()).isEqualTo("entered, verified");
    assertThat(c.unscheduled().get(0).name()).isEqualTo(SABR.form("adverse-event").orElseThrow().name());
  }
}

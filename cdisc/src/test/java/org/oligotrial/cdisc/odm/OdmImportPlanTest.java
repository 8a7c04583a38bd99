package org.oligotrial.cdisc.odm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.oligotrial.cdisc.model.FieldRef;
import org.oligotrial.cdisc.model.FormLayout;
import org.oligotrial.cdisc.odm.OdmImport.FormId;

/**
 * How a file's forms are matched with the database's ({@link OdmImport#sameForm}) and what the plan of another
 * system's file lists against a database that holds its forms under its own keys and visits.
 */
class OdmImportPlanTest {
  static final FormId AE_1 = new FormId("f-101", "adverse-event", null, 1);
  static final FormId AE_2 = new FormId("f-102", "adverse-event", null, 1);
  static final FormId LKA = new FormId("f-103", "last-known-alive", "survival-follow-up", 2);
  static final FormId CYCLE_1 = new FormId("f-104", "chemo-cycle", "chemo-cycle", 1);
  static final FormId CYCLE_2 = new FormId("f-105", "chemo-cycle", "chemo-cycle", 2);

  @Test
  void theSameKeyIsTheSameForm() {
    assertThat(OdmImport.sameForm(new FormId("f-102", "adverse-event", null, 1), List.of(AE_1, AE_2)))
        .contains(AE_2);
  }

  @Test
  void anotherKeyIsTheOnlyFormOfTheSameTypeVisitAndOccurrence() {
    assertThat(OdmImport.sameForm(new FormId("7", "chemo-cycle", "chemo-cycle", 2), List.of(CYCLE_1, CYCLE_2)))
        .contains(CYCLE_2);
    // a third cycle is new
    assertThat(OdmImport.sameForm(new FormId("7", "chemo-cycle", "chemo-cycle", 3), List.of(CYCLE_1, CYCLE_2)))
        .isEmpty();
  }

  @Test
  void aFormNotTiedToAVisitIsTheOnlyFormOfItsTypeWhereverTheServerPlacedIt() {
    assertThat(OdmImport.sameForm(new FormId("1", "last-known-alive", null, 1), List.of(LKA, AE_1))).contains(LKA);
    // two adverse events: which one the file's is cannot be told, so it is new
    assertThat(OdmImport.sameForm(new FormId("1", "adverse-event", null, 1), List.of(AE_1, AE_2))).isEmpty();
  }

  @Test
  void thePlanOfAnotherSystemsFileComparesWithTheMatchedForm() {
    // the hand-written snapshot's last-known-alive (no FormRepeatKey) against a database holding that form at the
    // survival follow-up visit with another date, and nothing else
    FieldRef stored = new FieldRef("last-known-alive", "survival-follow-up", 2, "f-103", FormLayout.MAIN, 1, "date");
    OdmImport.Plan plan = OdmImport.plan(OtherEdcFilesTest.STUDY, new ByteArrayInputStream(
        OtherEdcFilesTest.file("prefixed-snapshot.xml")), "edc-x.xml",
        key -> Map.of(stored, "2024-03-30"), null);
    assertThat(plan.changes()).filteredOn(c -> c.ref().formType().equals("last-known-alive"))
        .extracting(Object::toString)
        .containsExactly("GZ01-101 last-known-alive[f-103].main[1].date: UPDATE 2024-03-30 -> 2024-04-06");
    // the adverse event and the SAE report are new forms: inserted
    assertThat(plan.changes()).filteredOn(c -> !c.ref().formType().equals("last-known-alive"))
        .allSatisfy(c -> assertThat(c.action()).isEqualTo(OdmImport.Action.INSERT)).hasSize(9);
    assertThat(plan.reasonForChange()).isEqualTo("ODM import of edc-x.xml (FileOID EDC-X.export.2024-04-06.0001)");
    assertThat(Optional.ofNullable(plan.header().fileType())).contains("Snapshot");
  }
}

package org.oligotrial.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The mapping's rules one by one, on bundles written from the eligible example and then edited. */
class BundleToRecordTest {
  static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

  static Bundle eligible() throws Exception {
    return new RecordToBundle().write(RecordBundleRoundTripTest.example("eligible.json"));
  }

  static Observation observation(Bundle b, String id) {
    return b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(r -> r.getIdElement().getIdPart().equals(id)).map(Observation.class::cast).findFirst().orElseThrow();
  }

  static MappedRecord map(Bundle b) {
    return new BundleToRecord().map(b, TODAY);
  }

  @Test
  void ecogOutOfRangeNamesTheResourceAndElement() throws Exception {
    Bundle b = eligible();
    observation(b, "SCR-0001-ecog").setValue(new IntegerType(7));
    assertThatThrownBy(() -> map(b)).isInstanceOf(BundleMappingException.class)
        .hasMessageStartingWith("Observation/SCR-0001-ecog valueInteger: ECOG performance status must be 0-5");
  }

  @Test
  void labUnitTheEngineDoesNotKnowNamesTheElement() throws Exception {
    Bundle b = eligible();
    ((Quantity) observation(b, "SCR-0001-lab-HGB").getValue()).setCode("mg/mL");
    assertThatThrownBy(() -> map(b)).hasMessageStartingWith(
        "Observation/SCR-0001-lab-HGB valueQuantity.code: unit 'mg/mL' is not a unit of haemoglobin");
  }

  @Test
  void ucumCountUnitIsReadAndConverted() throws Exception {
    Bundle b = eligible();
    ((Quantity) observation(b, "SCR-0001-lab-WBC").getValue()).setValue(6200).setCode("/uL");
    ObjectNode r = map(b).record();
    assertThat(r.at("/labs/WBC/unit").asString()).isEqualTo("/uL");
    // /uL x 0.001 = 10^9/L (docs/eligibility.md unit table): the engine converts; the verdict stays ELIGIBLE
    assertThat(RecordBundleRoundTripTest.ENGINE.evaluate(map(b).toScreeningRecord()).verdict().name())
        .isEqualTo("ELIGIBLE");
  }

  @Test
  void aRecordWithoutEcogLeavesItAbsentAndTheVerdictIncomplete() throws Exception {
    Bundle b = eligible();
    b.getEntry().removeIf(e -> e.getResource().getIdElement().getIdPart().equals("SCR-0001-ecog"));
    MappedRecord m = map(b);
    assertThat(m.record().has("ecog")).isFalse();
    assertThat(m.provenance()).doesNotContainKey("ecog");
    var result = RecordBundleRoundTripTest.ENGINE.evaluate(m.toScreeningRecord());
    assertThat(result.verdict().name()).isEqualTo("INCOMPLETE");
    assertThat(result.unknown()).contains("I4");
  }

  @Test
  void theLatestObservationWins() throws Exception {
    Bundle b = eligible();
    Observation later = observation(b, "SCR-0001-ecog").copy();
    later.setId("ecog-later");
    later.setEffective(new org.hl7.fhir.r4.model.DateTimeType("2025-03-20"));
    later.setValue(new IntegerType(3));
    b.addEntry().setResource(later);
    MappedRecord m = map(b);
    assertThat(m.record().get("ecog").asInt()).isEqualTo(3);
    assertThat(m.provenance().get("ecog").id()).isEqualTo("ecog-later");
  }

  @Test
  void ajccCodeThatIsNoCategoryIsAnError() throws Exception {
    Bundle b = eligible();
    observation(b, "SCR-0001-tnm-m").setValue(RecordToBundle.concept(McodeCodes.AJCC, "cM9", null));
    assertThatThrownBy(() -> map(b)).hasMessageStartingWith(
        "Observation/SCR-0001-tnm-m valueCodeableConcept: AJCC code 'cM9' is no M category");
  }

  @Test
  void bundleWithoutPatientIsAnError() throws Exception {
    Bundle b = eligible();
    b.getEntry().remove(0);
    assertThatThrownBy(() -> map(b)).hasMessage("Bundle: no Patient resource");
  }

  @Test
  void unknownElementIsNamedByTheParser() {
    assertThatThrownBy(() -> BundleToRecord.parseBundle(
        "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"colour\":\"red\"}"))
        .isInstanceOf(BundleMappingException.class).hasMessageContaining("colour");
  }

  @Test
  void notABundleIsAnError() {
    assertThatThrownBy(() -> BundleToRecord.parseBundle("{\"resourceType\":\"Patient\",\"id\":\"x\"}"))
        .hasMessageStartingWith("Patient: expected a Bundle");
  }

  @Test
  void withoutTimestampTheGivenDateIsTheScreeningDate() throws Exception {
    Bundle b = eligible();
    b.setTimestamp(null);
    assertThat(map(b).record().get("screeningDate").asString()).isEqualTo("2025-06-01");
  }
}

package org.oligotrial.fhir;

import java.math.BigDecimal;
import java.util.Map;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.oligotrial.units.LabUnits;
import tools.jackson.databind.node.ObjectNode;

/**
 * A laboratory observation to {@code labs.<ANALYTE>}: the value with its UCUM unit (translated to the spelling of the
 * engine's unit table, which then converts it) and the upper limit of normal from {@code referenceRange.high}.
 */
final class LabMapping {
  private LabMapping() {}

  /** UCUM codes whose spelling in the engine's unit table differs. */
  private static final Map<String, String> UCUM_TO_RECORD = Map.of(
      "10*3/uL", "10^3/uL", "10*9/L", "10^9/L", "[IU]/L", "IU/L", "/mm3", "/mm3", "10.L-9", "10^9/L");

  /** Record units whose UCUM code differs (the generator's direction). */
  static final Map<String, String> RECORD_TO_UCUM = Map.ofEntries(
      Map.entry("10^9/L", "10*9/L"), Map.entry("G/L", "10*9/L"), Map.entry("10E9/L", "10*9/L"),
      Map.entry("10^3/uL", "10*3/uL"), Map.entry("K/uL", "10*3/uL"), Map.entry("cells/uL", "/uL"),
      Map.entry("cells/mm3", "/mm3"), Map.entry("/mm^3", "/mm3"), Map.entry("IU/L", "[IU]/L"));

  static String toUcum(String recordUnit) {
    return RECORD_TO_UCUM.getOrDefault(recordUnit, recordUnit);
  }

  static void lab(Observation o, String analyte, BundleToRecord.Mapping m, FieldSource src) {
    if (!(o.getValue() instanceof Quantity q) || !q.hasValue()) {
      return;
    }
    String unit = unit(o, q, analyte, "valueQuantity");
    ObjectNode lab = m.object("labs").putObject(analyte);
    lab.put("value", q.getValue());
    lab.put("unit", unit);
    String element = "valueQuantity";
    for (int i = 0; i < o.getReferenceRange().size(); i++) {
      Observation.ObservationReferenceRangeComponent r = o.getReferenceRange().get(i);
      if (r.hasHigh() && r.getHigh().hasValue()) {
        Quantity high = r.getHigh();
        String ulnUnit = high.hasCode() || high.hasUnit() ? unit(o, high, analyte, "referenceRange[" + i + "].high")
            : unit;
        lab.put("uln", high.getValue());
        if (!ulnUnit.equals(unit)) {
          lab.put("ulnUnit", ulnUnit);
        }
        element = "valueQuantity, referenceRange[" + i + "].high";
        break;
      }
    }
    m.provenance.put("labs." + analyte, new FieldSource("Observation", src.id(), element, src.code()));
  }

  private static String unit(Observation o, Quantity q, String analyte, String element) {
    boolean ucum = q.hasCode() && (!q.hasSystem() || McodeCodes.UCUM.equals(q.getSystem()));
    String raw = ucum ? q.getCode() : q.getUnit();
    if (raw == null) {
      throw new BundleMappingException(BundleToRecord.where(o, element + ".code"), "no unit for "
          + LabUnits.name(analyte));
    }
    String unit = UCUM_TO_RECORD.getOrDefault(raw, raw);
    if (!LabUnits.isUnit(analyte, unit)) {
      throw new BundleMappingException(BundleToRecord.where(o, element + (ucum ? ".code" : ".unit")), "unit '" + raw
          + "' is not a unit of " + LabUnits.name(analyte) + " (accepted: " + String.join(", ",
          LabUnits.units(analyte)) + ")");
    }
    return unit;
  }
}

package org.oligotrial.fhir;

import static org.oligotrial.fhir.McodeCodes.RXNORM;
import static org.oligotrial.fhir.McodeCodes.SNOMED;

import java.util.Locale;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import tools.jackson.databind.node.ArrayNode;

/**
 * Treatment history and allergies. Procedures and medications (statement, request, administration) by code give
 * {@code priorTreatments[]}; a bundle with no procedure and no medication leaves the history unknown, one with any
 * gives the list (possibly without anti-cancer entries), and so does an empty history List (LOINC 10160-0 or 47519-4)
 * with emptyReason nilknown. AllergyIntolerance gives {@code allergies[]} ("no known
 * allergy" gives an empty list); without any the allergies stay unknown.
 */
final class TreatmentMapping {
  private final BundleToRecord.Mapping m;
  private ArrayNode treatments;
  private ArrayNode allergies;

  TreatmentMapping(BundleToRecord.Mapping m) {
    this.m = m;
  }

  private ArrayNode treatments() {
    if (treatments == null) {
      treatments = m.record.putArray("priorTreatments");
    }
    return treatments;
  }

  void add(Procedure p) {
    Procedure.ProcedureStatus s = p.getStatus();
    if (s == Procedure.ProcedureStatus.ENTEREDINERROR || s == Procedure.ProcedureStatus.NOTDONE
        || s == Procedure.ProcedureStatus.PREPARATION) {
      return;
    }
    ArrayNode list = treatments();
    String code = BundleToRecord.code(p.getCode(), SNOMED);
    String type = code == null ? null : McodeCodes.PROCEDURE_TREATMENT.get(code);
    if (type == null && BundleToRecord.hasProfile(p, "mcode-cancer-related-surgical-procedure")) {
      type = "surgery";
    } else if (type == null && BundleToRecord.hasProfile(p, "mcode-radiotherapy-course-summary")) {
      type = "radiotherapy";
    }
    if (type != null) {
      m.provenance.put("priorTreatments[" + list.size() + "]", new FieldSource("Procedure", BundleToRecord.id(p),
          "code", SNOMED + "|" + code));
      list.addObject().put("type", type);
    }
  }

  /** A history List with emptyReason nilknown: no treatment of that kind is known, so the history is known. */
  void add(ListResource l) {
    if ((BundleToRecord.has(l.getCode(), McodeCodes.LOINC, McodeCodes.MEDICATION_HISTORY)
        || BundleToRecord.has(l.getCode(), McodeCodes.LOINC, McodeCodes.PROCEDURE_HISTORY))
        && BundleToRecord.has(l.getEmptyReason(), McodeCodes.LIST_EMPTY_REASON, "nilknown")
        && l.getStatus() != ListResource.ListStatus.ENTEREDINERROR) {
      if (treatments == null) {
        m.provenance.put("priorTreatments", new FieldSource("List", BundleToRecord.id(l), "emptyReason",
            McodeCodes.LIST_EMPTY_REASON + "|nilknown"));
      }
      treatments();
    }
  }

  void addMedication(Resource r) {
    CodeableConcept med;
    String status;
    if (r instanceof MedicationStatement s) {
      med = s.hasMedicationCodeableConcept() ? s.getMedicationCodeableConcept() : null;
      status = s.hasStatus() ? s.getStatus().toCode() : "";
    } else if (r instanceof MedicationAdministration a) {
      med = a.hasMedicationCodeableConcept() ? a.getMedicationCodeableConcept() : null;
      status = a.hasStatus() ? a.getStatus().toCode() : "";
    } else if (r instanceof MedicationRequest q) {
      med = q.hasMedicationCodeableConcept() ? q.getMedicationCodeableConcept() : null;
      status = q.hasStatus() ? q.getStatus().toCode() : "";
    } else {
      return;
    }
    if (status.equals("entered-in-error") || status.equals("not-taken") || status.equals("not-done")
        || status.equals("cancelled") || status.equals("draft")) {
      return;
    }
    ArrayNode list = treatments();
    String code = BundleToRecord.code(med, RXNORM);
    McodeCodes.Drug drug = code == null ? null : McodeCodes.RXNORM_DRUGS.get(code);
    if (drug != null) {
      m.provenance.put("priorTreatments[" + list.size() + "]", new FieldSource(r.fhirType(), BundleToRecord.id(r),
          "medicationCodeableConcept", RXNORM + "|" + code + " " + drug.name()));
      list.addObject().put("type", drug.treatment());
    }
  }

  void add(AllergyIntolerance a) {
    String verification = BundleToRecord.code(a.getVerificationStatus(),
        "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification");
    if ("refuted".equals(verification) || "entered-in-error".equals(verification)) {
      return;
    }
    if (allergies == null) {
      allergies = m.record.putArray("allergies");
      m.provenance.put("allergies", new FieldSource("AllergyIntolerance", BundleToRecord.id(a), "code", ""));
    }
    CodeableConcept cc = a.getCode();
    if (BundleToRecord.has(cc, SNOMED, McodeCodes.NO_KNOWN_ALLERGY)) {
      return;
    }
    String rx = BundleToRecord.code(cc, RXNORM);
    String snomed = BundleToRecord.code(cc, SNOMED);
    String word = null;
    String code = "";
    if (rx != null && McodeCodes.RXNORM_DRUGS.containsKey(rx)) {
      word = McodeCodes.RXNORM_DRUGS.get(rx).allergy();
      code = RXNORM + "|" + rx;
    } else if (snomed != null && McodeCodes.keyOf(McodeCodes.ALLERGY_SNOMED, snomed) != null) {
      word = McodeCodes.keyOf(McodeCodes.ALLERGY_SNOMED, snomed);
      code = SNOMED + "|" + snomed;
    } else {
      String text = cc.hasText() ? cc.getText() : cc.getCoding().stream().filter(c -> c.hasDisplay())
          .map(c -> c.getDisplay()).findFirst().orElse(null);
      if (text == null) {
        throw new BundleMappingException(BundleToRecord.where(a, "code"), "an allergy needs a code this mapping "
            + "reads (RxNorm, SNOMED CT) or a text");
      }
      word = text.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
    }
    m.provenance.put("allergies[" + allergies.size() + "]", new FieldSource("AllergyIntolerance",
        BundleToRecord.id(a), "code", code));
    allergies.add(word);
  }

  void finish() {}
}

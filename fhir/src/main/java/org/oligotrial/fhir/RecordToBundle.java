package org.oligotrial.fhir;

import static org.oligotrial.fhir.McodeCodes.AJCC;
import static org.oligotrial.fhir.McodeCodes.ASSESSMENT;
import static org.oligotrial.fhir.McodeCodes.LOINC;
import static org.oligotrial.fhir.McodeCodes.RXNORM;
import static org.oligotrial.fhir.McodeCodes.SNOMED;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import tools.jackson.databind.JsonNode;

/**
 * Writes a screening record (the JSON of docs/eligibility.md) as one patient's mCODE bundle (type collection), the
 * inverse of {@link BundleToRecord}: mapping the bundle back gives a record with the same verdict. Used for test
 * fixtures and synthetic populations (the same patients as {@code screen generate}). Resource ids are the record id
 * with a suffix ({@code GEN-1-ecog}); full URLs are {@value #BASE}{@code Type/id}. Thread-safe.
 */
public final class RecordToBundle {
  /** The base of the generated resources' full URLs. */
  public static final String BASE = "https://oligotrial.org/fhir/";
  private static final FhirContext R4 = FhirContext.forR4Cached();

  /** The bundle as compact FHIR JSON. */
  public static String toJson(Bundle b) {
    return R4.newJsonParser().encodeResourceToString(b);
  }

  /** The record's bundle. */
  public Bundle write(JsonNode r) {
    String pid = r.path("id").asString("patient").replaceAll("[^A-Za-z0-9\\-.]", "-");
    Bundle b = new Bundle().setType(Bundle.BundleType.COLLECTION);
    b.setId("bundle-" + pid);
    LocalDate screening = LocalDate.parse(r.path("screeningDate").asString());
    Date when = Date.from(screening.atStartOfDay().toInstant(ZoneOffset.UTC));
    b.setTimestamp(when);
    Reference subject = new Reference("Patient/" + pid);

    Patient p = new Patient();
    p.setId(pid);
    profile(p, "mcode-cancer-patient");
    if (r.has("birthDate")) {
      p.setBirthDateElement(new DateType(r.get("birthDate").asString()));
    }
    if (r.has("sex")) {
      p.setGender(AdministrativeGender.fromCode(r.get("sex").asString()));
    }
    add(b, p);

    JsonNode dx = r.path("diagnosis");
    if (dx.has("histology")) {
      String histology = dx.get("histology").asString();
      Condition c = new Condition();
      c.setId(pid + "-primary");
      profile(c, "mcode-primary-cancer-condition");
      c.setSubject(subject);
      c.setClinicalStatus(concept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null));
      c.setVerificationStatus(concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed",
          null));
      c.setCode(concept(SNOMED, McodeCodes.HISTOLOGY_DISORDER.get(histology), null));
      c.addBodySite(concept(SNOMED, "39607008", "Lung structure"));
      String morphology = McodeCodes.HISTOLOGY_MORPHOLOGY.get(histology);
      if (morphology != null) {
        c.addExtension(McodeCodes.HISTOLOGY_EXT, concept(SNOMED, morphology, null));
      }
      if (dx.has("confirmation")) {
        c.addEvidence().addCode(concept(ASSESSMENT, dx.get("confirmation").asString(), null));
      }
      add(b, c);
    }
    JsonNode mets = r.path("metastases");
    for (int i = 0; i < mets.size(); i++) {
      JsonNode met = mets.get(i);
      Condition c = new Condition();
      c.setId(pid + "-met-" + (i + 1));
      profile(c, "mcode-secondary-cancer-condition");
      c.setSubject(subject);
      c.setClinicalStatus(concept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null));
      c.setCode(concept(SNOMED, McodeCodes.SECONDARY_MALIGNANCY, "Secondary malignant neoplastic disease"));
      String site = met.path("site").asString();
      String code = McodeCodes.SITE_BODY_STRUCTURE.get(site);
      CodeableConcept body = code == null ? new CodeableConcept() : concept(SNOMED, code, null);
      if (met.has("text") || code == null) {
        body.setText(met.path("text").asString(site));
      }
      c.addBodySite(body);
      c.addExtension(McodeCodes.LESION_COUNT, new IntegerType(met.path("lesions").asInt(1)));
      add(b, c);
    }
    JsonNode staging = r.path("staging");
    for (String[] axis : new String[][] {{"t", McodeCodes.T_CLINICAL, "mcode-tnm-primary-tumor-category"},
        {"n", McodeCodes.N_CLINICAL, "mcode-tnm-regional-nodes-category"},
        {"m", McodeCodes.M_CLINICAL, "mcode-tnm-distant-metastases-category"}}) {
      if (staging.has(axis[0])) {
        Observation o = observation(b, pid + "-tnm-" + axis[0], axis[2], LOINC, axis[1], subject, when);
        o.setValue(concept(AJCC, "c" + staging.get(axis[0]).asString(), null));
      }
    }
    if (r.path("primaryTumor").has("longestDiameterMm")) {
      Observation o = observation(b, pid + "-tumor-size", "mcode-tumor-size", LOINC, McodeCodes.TUMOR_SIZE, subject,
          when);
      o.addComponent().setCode(concept(LOINC, McodeCodes.TUMOR_LONGEST, null)).setValue(ucum(
          r.get("primaryTumor").get("longestDiameterMm").decimalValue(), "mm"));
    }
    if (r.has("ecog")) {
      observation(b, pid + "-ecog", "mcode-ecog-performance-status", LOINC, McodeCodes.ECOG, subject, when)
          .setValue(new IntegerType(r.get("ecog").asInt()));
    }
    labs(b, r.path("labs"), pid, subject, when);
    if (r.has("egfr")) {
      String answer = switch (r.get("egfr").asString()) {
        case "mutant" -> McodeCodes.PRESENT;
        case "wild-type" -> McodeCodes.ABSENT;
        default -> McodeCodes.INDETERMINATE;
      };
      Observation o = observation(b, pid + "-egfr", "mcode-genomic-variant", LOINC, McodeCodes.GENETIC_VARIANT,
          subject, when);
      o.setValue(concept(LOINC, answer, null));
      o.addComponent().setCode(concept(LOINC, McodeCodes.GENE_STUDIED, null))
          .setValue(concept(McodeCodes.HGNC, McodeCodes.EGFR_HGNC, "EGFR"));
    }
    if (r.has("pregnant")) {
      observation(b, pid + "-pregnancy", null, LOINC, McodeCodes.PREGNANCY_STATUS, subject, when).setValue(concept(
          SNOMED, r.get("pregnant").asBoolean() ? McodeCodes.PREGNANT : McodeCodes.NOT_PREGNANT, null));
    }
    if (r.has("breastfeeding")) {
      observation(b, pid + "-breastfeeding", null, LOINC, McodeCodes.BREASTFEEDING, subject, when)
          .setValue(new BooleanType(r.get("breastfeeding").asBoolean()));
    }
    for (Map.Entry<String, String> a : McodeCodes.ASSESSMENTS.entrySet()) {
      if (r.has(a.getKey())) {
        Observation o = observation(b, pid + "-" + a.getValue(), null, ASSESSMENT, a.getValue(), subject, when);
        o.setValue(a.getKey().equals("lifeExpectancyMonths") ? ucum(r.get(a.getKey()).decimalValue(), "mo")
            : new BooleanType(r.get(a.getKey()).asBoolean()));
      }
    }
    treatments(b, r, pid, subject, when);
    if (r.has("consentSigned")) {
      Consent c = new Consent();
      c.setId(pid + "-consent");
      c.setStatus(r.get("consentSigned").asBoolean() ? Consent.ConsentState.ACTIVE : Consent.ConsentState.REJECTED);
      c.setScope(concept("http://terminology.hl7.org/CodeSystem/consentscope", "research", null));
      c.addCategory(concept(LOINC, McodeCodes.CONSENT_DOCUMENT, null));
      c.setPatient(subject);
      c.setDateTimeElement(new DateTimeType(screening.toString()));
      c.setPolicyRule(concept("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN", null));
      add(b, c);
    }
    return b;
  }

  private void labs(Bundle b, JsonNode labs, String pid, Reference subject, Date when) {
    for (Map.Entry<String, JsonNode> e : labs.properties()) {
      String analyte = e.getKey();
      JsonNode lab = e.getValue();
      String unit = lab.path("unit").asString();
      String[] codes = McodeCodes.LAB_LOINC.get(analyte);
      // the molar-concentration LOINC codes for the molar units; the mass-concentration or count code otherwise
      String loinc = codes.length > 1 && (unit.equals("mmol/L") || unit.equals("umol/L")) ? codes[1] : codes[0];
      Observation o = observation(b, pid + "-lab-" + analyte, null, LOINC, loinc, subject, when);
      o.addCategory(concept("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", null));
      o.setValue(ucum(lab.get("value").decimalValue(), LabMapping.toUcum(unit)));
      if (lab.has("uln")) {
        o.addReferenceRange().setHigh(ucum(lab.get("uln").decimalValue(), LabMapping.toUcum(lab.path("ulnUnit")
            .asString(unit))));
      }
    }
  }

  private void treatments(Bundle b, JsonNode r, String pid, Reference subject, Date when) {
    JsonNode list = r.path("priorTreatments");
    if (r.has("priorTreatments") && list.isEmpty()) {
      // no treatment known: the FHIR way to say so is an empty List with emptyReason nilknown
      for (String[] h : new String[][] {{"medications", McodeCodes.MEDICATION_HISTORY},
          {"procedures", McodeCodes.PROCEDURE_HISTORY}}) {
        ListResource l = new ListResource();
        l.setId(pid + "-no-" + h[0]);
        l.setStatus(ListResource.ListStatus.CURRENT);
        l.setMode(ListResource.ListMode.SNAPSHOT);
        l.setCode(concept(LOINC, h[1], null));
        l.setSubject(subject);
        l.setDate(when);
        l.setEmptyReason(concept(McodeCodes.LIST_EMPTY_REASON, "nilknown", null));
        add(b, l);
      }
    }
    for (int i = 0; i < list.size(); i++) {
      String type = list.get(i).path("type").asString();
      String id = pid + "-treatment-" + (i + 1);
      String drug = McodeCodes.TREATMENT_DRUG.get(type);
      if (drug != null) {
        MedicationStatement s = new MedicationStatement();
        s.setId(id);
        s.setStatus(MedicationStatement.MedicationStatementStatus.COMPLETED);
        s.setMedication(concept(RXNORM, drug, McodeCodes.RXNORM_DRUGS.get(drug).name()));
        s.setSubject(subject);
        s.setEffective(new DateTimeType(when));
        add(b, s);
        continue;
      }
      Procedure p = new Procedure();
      p.setId(id);
      p.setStatus(Procedure.ProcedureStatus.COMPLETED);
      p.setSubject(subject);
      String code = McodeCodes.TREATMENT_PROCEDURE.get(type);
      if (code != null) {
        p.setCode(concept(SNOMED, code, null));
      } else {
        // ablation and other anti-cancer procedures: a cancer-related procedure without a code the mapping reads
        profile(p, "mcode-cancer-related-surgical-procedure");
        p.setCode(new CodeableConcept().setText(type));
      }
      add(b, p);
    }
    if (r.has("allergies")) {
      JsonNode allergies = r.get("allergies");
      if (allergies.isEmpty()) {
        add(b, allergy(pid + "-allergy", subject, concept(SNOMED, McodeCodes.NO_KNOWN_ALLERGY, "No known allergy")));
      }
      for (int i = 0; i < allergies.size(); i++) {
        String word = allergies.get(i).asString();
        CodeableConcept code = new CodeableConcept().setText(word);
        for (Map.Entry<String, McodeCodes.Drug> d : McodeCodes.RXNORM_DRUGS.entrySet()) {
          if (d.getValue().name().equals(word)) {
            code = concept(RXNORM, d.getKey(), word);
          }
        }
        String snomed = McodeCodes.ALLERGY_SNOMED.get(word);
        if (snomed != null) {
          code = concept(SNOMED, snomed, null);
        }
        add(b, allergy(pid + "-allergy-" + (i + 1), subject, code));
      }
    }
  }

  private static AllergyIntolerance allergy(String id, Reference subject, CodeableConcept code) {
    AllergyIntolerance a = new AllergyIntolerance();
    a.setId(id);
    a.setPatient(subject);
    a.setCode(code);
    a.setClinicalStatus(concept("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active",
        null));
    a.setVerificationStatus(concept("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification",
        "confirmed", null));
    return a;
  }

  private static Observation observation(Bundle b, String id, String profile, String system, String code,
      Reference subject, Date when) {
    Observation o = new Observation();
    o.setId(id);
    if (profile != null) {
      profile(o, profile);
    }
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.setCode(concept(system, code, null));
    o.setSubject(subject);
    o.setEffective(new DateTimeType(when));
    add(b, o);
    return o;
  }

  private static Quantity ucum(java.math.BigDecimal value, String code) {
    return new Quantity().setValue(value).setSystem(McodeCodes.UCUM).setCode(code).setUnit(code);
  }

  static CodeableConcept concept(String system, String code, String display) {
    return new CodeableConcept().addCoding(new Coding(system, code, display));
  }

  private static void profile(Resource r, String name) {
    r.getMeta().addProfile(McodeCodes.MCODE_SD + name);
  }

  private static void add(Bundle b, Resource r) {
    b.addEntry().setFullUrl(BASE + r.fhirType() + "/" + r.getIdElement().getIdPart()).setResource(r);
  }
}

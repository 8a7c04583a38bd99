package org.oligotrial.fhir;


import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

/** Patient (birth date, sex) and Consent (research consent signed). */
final class PatientMapping {
  private PatientMapping() {}

  static void map(Patient p, BundleToRecord.Mapping m) {
    String id = BundleToRecord.id(p);
    // a birth date known only to the year or month leaves the age unknown
    if (p.hasBirthDateElement() && p.getBirthDateElement().getPrecision() == TemporalPrecisionEnum.DAY) {
      m.put("birthDate", p.getBirthDateElement().getValueAsString(), new FieldSource("Patient", id, "birthDate", ""));
    }
    AdministrativeGender g = p.getGender();
    if (g == AdministrativeGender.FEMALE || g == AdministrativeGender.MALE) {
      m.put("sex", g.toCode(), new FieldSource("Patient", id, "gender", ""));
    }
  }

  /** An active research consent: signed; a rejected one: not signed; other states leave it unknown. */
  static void consent(Consent c, BundleToRecord.Mapping m) {
    if (!BundleToRecord.has(c.getScope(), "http://terminology.hl7.org/CodeSystem/consentscope", "research")) {
      return;
    }
    Consent.ConsentState s = c.getStatus();
    FieldSource src = new FieldSource("Consent", BundleToRecord.id(c), "status",
        "http://terminology.hl7.org/CodeSystem/consentscope|research");
    if (s == Consent.ConsentState.ACTIVE) {
      m.put("consentSigned", true, src);
    } else if (s == Consent.ConsentState.REJECTED && !m.record.has("consentSigned")) {
      m.put("consentSigned", false, src);
    }
  }
}

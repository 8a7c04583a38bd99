package org.oligotrial.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps one patient's FHIR R4 resources (mCODE profiles) to a screening record with provenance. The mapping, code by
 * code, is the table in docs/fhir.md; {@link McodeCodes} holds the codes. Rules that apply throughout:
 *
 * <ul>
 *   <li>what the bundle does not tell stays absent (the engine then lists the criterion as INCOMPLETE);
 *   <li>resources marked entered-in-error (and refuted conditions, cancelled or not-done events) are ignored;
 *   <li>of several observations with the same code the latest by effective date wins (ties: the last in the bundle);
 *   <li>a value that is there but cannot be a screening value (ECOG 7, a laboratory unit the engine does not know, an
 *       AJCC code that is no TNM category) is an error naming the resource and element, never silently dropped.
 * </ul>
 *
 * Thread-safe: the instance holds only the shared FHIR context (HAPI's cached R4 context is thread-safe).
 */
public final class BundleToRecord {
  private static final FhirContext R4 = FhirContext.forR4Cached();

  /** Parses FHIR R4 JSON into a Bundle, strictly (unknown elements are errors naming them). */
  public static Bundle parseBundle(String json) {
    IParser parser = R4.newJsonParser();
    parser.setParserErrorHandler(new StrictErrorHandler());
    try {
      org.hl7.fhir.instance.model.api.IBaseResource r = parser.parseResource(json);
      if (!(r instanceof Bundle b)) {
        throw new BundleMappingException(r.fhirType(), "expected a Bundle of one patient's resources");
      }
      return b;
    } catch (DataFormatException e) {
      throw new BundleMappingException("Bundle", "not valid FHIR R4 JSON: " + e.getMessage().replaceFirst(
          "^HAPI-\\d+: ", ""), e);
    }
  }

  /**
   * Maps a bundle. The screening date is the bundle's timestamp (its UTC date) or, without one, {@code
   * defaultScreeningDate}.
   */
  public MappedRecord map(Bundle bundle, LocalDate defaultScreeningDate) {
    List<Resource> resources = new ArrayList<>();
    for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
      if (e.getResource() != null) {
        resources.add(e.getResource());
      }
    }
    if (bundle.hasTimestamp()) {
      LocalDate date = bundle.getTimestamp().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
      return map(resources, date, new FieldSource("Bundle", bundle.getIdElement().getIdPart() == null ? ""
          : bundle.getIdElement().getIdPart(), "timestamp", ""));
    }
    return map(resources, defaultScreeningDate, null);
  }

  /**
   * Maps one patient's resources (exactly one Patient among them) as of {@code screeningDate}; {@code dateSource} is
   * recorded as the screening date's provenance (null: given by the caller).
   */
  public MappedRecord map(List<? extends Resource> resources, LocalDate screeningDate, FieldSource dateSource) {
    Mapping m = new Mapping();
    Patient patient = null;
    for (Resource r : resources) {
      if (r instanceof Patient p) {
        if (patient != null) {
          throw new BundleMappingException("Patient/" + id(p), "the bundle holds more than one Patient; give one "
              + "patient's resources");
        }
        patient = p;
      }
    }
    if (patient == null) {
      throw new BundleMappingException("Bundle", "no Patient resource");
    }
    m.put("id", id(patient), new FieldSource("Patient", id(patient), "id", ""));
    m.record.put("screeningDate", screeningDate.toString());
    if (dateSource != null) {
      m.provenance.put("screeningDate", dateSource);
    }
    PatientMapping.map(patient, m);
    ConditionMapping conditions = new ConditionMapping(m);
    ObservationMapping observations = new ObservationMapping(m);
    TreatmentMapping treatments = new TreatmentMapping(m);
    for (Resource r : resources) {
      if (r instanceof Condition c) {
        conditions.add(c);
      } else if (r instanceof Observation o) {
        observations.add(o);
      } else if (r instanceof Procedure p) {
        treatments.add(p);
      } else if (r instanceof AllergyIntolerance a) {
        treatments.add(a);
      } else if (r instanceof ListResource l) {
        treatments.add(l);
      } else if (r instanceof Consent c) {
        PatientMapping.consent(c, m);
      } else {
        treatments.addMedication(r);
      }
    }
    conditions.finish();
    observations.finish();
    treatments.finish();
    return new MappedRecord(m.record, m.provenance);
  }

  /** The record under construction with its provenance. */
  static final class Mapping {
    final ObjectNode record = JsonNodeFactory.instance.objectNode();
    final Map<String, FieldSource> provenance = new LinkedHashMap<>();

    void put(String field, String value, FieldSource src) {
      record.put(field, value);
      provenance.put(field, src);
    }

    void put(String field, boolean value, FieldSource src) {
      record.put(field, value);
      provenance.put(field, src);
    }

    ObjectNode object(String field) {
      ObjectNode o = (ObjectNode) record.get(field);
      return o != null ? o : record.putObject(field);
    }
  }

  static String id(Resource r) {
    String id = r.getIdElement().getIdPart();
    return id == null ? "(no id)" : id;
  }

  static String where(Resource r, String element) {
    return r.fhirType() + "/" + id(r) + " " + element;
  }

  /** The first code of {@code system} in the concept, or null. */
  static String code(CodeableConcept cc, String system) {
    if (cc == null) {
      return null;
    }
    for (Coding c : cc.getCoding()) {
      if (system.equals(c.getSystem()) && c.hasCode()) {
        return c.getCode();
      }
    }
    return null;
  }

  static boolean has(CodeableConcept cc, String system, String code) {
    return code.equals(code(cc, system)) || cc != null && cc.getCoding().stream()
        .anyMatch(c -> system.equals(c.getSystem()) && code.equals(c.getCode()));
  }

  static boolean hasProfile(Resource r, String name) {
    return r.getMeta().getProfile().stream().anyMatch(p -> p.getValue() != null
        && p.getValue().startsWith(McodeCodes.MCODE_SD + name));
  }
}

package org.oligotrial.fhir;

import static org.oligotrial.fhir.McodeCodes.ASSESSMENT;
import static org.oligotrial.fhir.McodeCodes.SNOMED;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Conditions: the mCODE primary cancer condition (lung; histology from the histology-morphology-behavior extension,
 * else from the disorder code; confirmation from the evidence code), secondary cancer conditions (one metastases
 * entry each, site from bodySite, lesions from the lesion-count extension or 1), and a primary cancer other than the
 * lung one (another malignancy).
 */
final class ConditionMapping {
  private final BundleToRecord.Mapping m;
  private Condition primary;
  private Condition otherPrimary;
  private ArrayNode metastases;
  private boolean intracranial;

  ConditionMapping(BundleToRecord.Mapping m) {
    this.m = m;
  }

  void add(Condition c) {
    String verification = BundleToRecord.code(c.getVerificationStatus(),
        "http://terminology.hl7.org/CodeSystem/condition-ver-status");
    if ("refuted".equals(verification) || "entered-in-error".equals(verification)) {
      return;
    }
    String snomed = BundleToRecord.code(c.getCode(), SNOMED);
    if (snomed != null && snomed.equals(McodeCodes.SECONDARY_MALIGNANCY)
        || BundleToRecord.hasProfile(c, "mcode-secondary-cancer-condition")) {
      secondary(c);
    } else if (snomed != null && McodeCodes.HISTOLOGY_DISORDER.containsValue(snomed)
        || c.hasExtension(McodeCodes.HISTOLOGY_EXT)) {
      if (primary == null) {
        primary = c;
      }
    } else if (BundleToRecord.hasProfile(c, "mcode-primary-cancer-condition") && otherPrimary == null) {
      otherPrimary = c;
    }
  }

  private void secondary(Condition c) {
    String id = BundleToRecord.id(c);
    if (metastases == null) {
      metastases = m.record.putArray("metastases");
    }
    int index = metastases.size();
    ObjectNode entry = metastases.addObject();
    String site = null;
    String text = null;
    for (CodeableConcept body : c.getBodySite()) {
      String code = BundleToRecord.code(body, SNOMED);
      String known = code == null ? null : McodeCodes.keyOf(McodeCodes.SITE_BODY_STRUCTURE, code);
      if (known != null) {
        site = known;
        break;
      }
      text = body.hasText() ? body.getText() : body.getCoding().stream().filter(Coding::hasDisplay)
          .map(Coding::getDisplay).findFirst().orElse(code);
    }
    if (site == null) {
      site = "other";
      text = text == null ? "site not coded" : text;
    }
    entry.put("site", site);
    if (site.equals("other")) {
      entry.put("text", text);
    }
    intracranial |= site.equals("brain") || site.equals("leptomeninges");
    int lesions = 1;
    Extension count = c.getExtensionByUrl(McodeCodes.LESION_COUNT);
    if (count != null) {
      if (!(count.getValue() instanceof IntegerType n) || n.getValue() == null || n.getValue() < 1) {
        throw new BundleMappingException(BundleToRecord.where(c, "extension(" + McodeCodes.LESION_COUNT
            + ").valueInteger"), "the lesion count must be an integer >= 1");
      }
      lesions = n.getValue();
    }
    entry.put("lesions", lesions);
    m.provenance.put("metastases[" + index + "]", new FieldSource("Condition", id, "bodySite",
        SNOMED + "|" + McodeCodes.SECONDARY_MALIGNANCY));
  }

  void finish() {
    if (intracranial) {
      // only a yes can be read from coded sites: no brain site among them does not rule brain metastases out
      m.put("intracranialMetastasis", true, m.provenance.get("metastases[0]"));
    }
    if (otherPrimary != null) {
      m.put("otherMalignancy", true, new FieldSource("Condition", BundleToRecord.id(otherPrimary), "code",
          "mcode-primary-cancer-condition"));
    }
    if (primary == null) {
      return;
    }
    String id = BundleToRecord.id(primary);
    ObjectNode diagnosis = m.object("diagnosis");
    Extension ext = primary.getExtensionByUrl(McodeCodes.HISTOLOGY_EXT);
    String histology = null;
    FieldSource src = null;
    if (ext != null && ext.getValue() instanceof CodeableConcept cc) {
      String code = BundleToRecord.code(cc, SNOMED);
      histology = code == null ? null : McodeCodes.keyOf(McodeCodes.HISTOLOGY_MORPHOLOGY, code);
      src = new FieldSource("Condition", id, "extension(mcode-histology-morphology-behavior)", SNOMED + "|" + code);
    }
    if (histology == null) {
      String code = BundleToRecord.code(primary.getCode(), SNOMED);
      histology = code == null ? null : McodeCodes.keyOf(McodeCodes.HISTOLOGY_DISORDER, code);
      src = new FieldSource("Condition", id, "code", SNOMED + "|" + code);
    }
    if (histology != null) {
      diagnosis.put("histology", histology);
      m.provenance.put("diagnosis.histology", src);
    }
    for (Condition.ConditionEvidenceComponent ev : primary.getEvidence()) {
      for (CodeableConcept cc : ev.getCode()) {
        String how = BundleToRecord.code(cc, ASSESSMENT);
        if (how != null) {
          if (!how.equals("histology") && !how.equals("cytology") && !how.equals("clinical")) {
            throw new BundleMappingException(BundleToRecord.where(primary, "evidence.code"), "confirmation code '"
                + how + "' is none of histology, cytology, clinical");
          }
          diagnosis.put("confirmation", how);
          m.provenance.put("diagnosis.confirmation", new FieldSource("Condition", id, "evidence.code",
              ASSESSMENT + "|" + how));
        }
      }
    }
    if (diagnosis.isEmpty()) {
      m.record.remove("diagnosis");
    }
  }
}

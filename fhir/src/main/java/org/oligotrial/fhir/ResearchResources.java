package org.oligotrial.fhir;

import java.util.Locale;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.Organization;
import org.oligotrial.protocol.Arm;
import org.oligotrial.protocol.Protocol;

/**
 * The trial as a FHIR R4 ResearchStudy and a participant as a ResearchSubject, built from plain values (the core
 * protocol; the participant's status, consent and arm), so that any caller (a server endpoint, a batch export) can
 * publish them. Codes: research-study-phase and research-study-status / research-subject-status of base R4;
 * the NCT number as identifier in the ClinicalTrials.gov system. Stateless and thread-safe.
 */
public final class ResearchResources {
  /** The identifier system of ClinicalTrials.gov numbers. */
  public static final String CLINICALTRIALS_GOV = "https://clinicaltrials.gov";

  private ResearchResources() {}

  /**
   * The ResearchStudy of a protocol.
   *
   * @param protocol the protocol (id, title, phase, condition, arms, sponsor are used)
   * @param status an R4 research-study-status code, e.g. {@code active}, {@code closed-to-accrual}, {@code completed}
   * @throws IllegalArgumentException naming {@code status} or {@code phase} when they are no R4 code
   */
  public static ResearchStudy study(Protocol protocol, String status) {
    ResearchStudy s = new ResearchStudy();
    s.setId(fhirId(protocol.id()));
    s.addIdentifier(new Identifier().setSystem(CLINICALTRIALS_GOV).setValue(protocol.id()));
    s.setTitle(protocol.title());
    try {
      s.setStatus(ResearchStudy.ResearchStudyStatus.fromCode(status));
    } catch (Exception e) {
      throw new IllegalArgumentException("status: '" + status + "' is no R4 research-study-status (active, "
          + "administratively-completed, approved, closed-to-accrual, closed-to-accrual-and-intervention, completed, "
          + "disapproved, in-review, temporarily-closed-to-accrual, "
          + "temporarily-closed-to-accrual-and-intervention, withdrawn)", e);
    }
    s.setPhase(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(
        "http://terminology.hl7.org/CodeSystem/research-study-phase", phase(protocol.phase()), null)));
    s.addCondition(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(McodeCodes.SNOMED,
        McodeCodes.HISTOLOGY_DISORDER.get("nsclc-nos"), "Non-small cell lung cancer")).setText(protocol.condition()));
    for (Arm arm : protocol.arms()) {
      ResearchStudy.ResearchStudyArmComponent a = s.addArm().setName(arm.id()).setDescription(arm.name()
          + (arm.description() == null ? "" : ": " + arm.description()));
      if (arm.type() != null) {
        a.setType(new CodeableConcept().setText(arm.type()));
      }
    }
    if (protocol.sponsor() != null) {
      Organization sponsor = new Organization().setName(protocol.sponsor());
      sponsor.setId("sponsor");
      s.addContained(sponsor);
      s.setSponsor(new Reference("#sponsor"));
    }
    return s;
  }

  /**
   * A participant's ResearchSubject.
   *
   * @param subjectId the participant's id (the resource id; characters outside FHIR's id alphabet become '-')
   * @param patient a reference to the Patient, e.g. {@code Patient/123}
   * @param studyId the study's resource id (as {@link #study} sets it: the protocol id)
   * @param status an R4 research-subject-status code, e.g. {@code candidate}, {@code eligible}, {@code on-study},
   *     {@code withdrawn}
   * @param consent a reference to the Consent, or null when none is recorded
   * @param assignedArm the arm name as in the study's arms (the protocol arm id), or null before randomization
   * @throws IllegalArgumentException naming {@code status} when it is no R4 code
   */
  public static ResearchSubject subject(String subjectId, String patient, String studyId, String status,
      String consent, String assignedArm) {
    ResearchSubject s = new ResearchSubject();
    s.setId(fhirId(subjectId));
    try {
      s.setStatus(ResearchSubject.ResearchSubjectStatus.fromCode(status));
    } catch (Exception e) {
      throw new IllegalArgumentException("status: '" + status + "' is no R4 research-subject-status (candidate, "
          + "eligible, follow-up, ineligible, not-registered, off-study, on-study, on-study-intervention, "
          + "on-study-observation, pending-on-study, potential-candidate, screening, withdrawn)", e);
    }
    s.setStudy(new Reference("ResearchStudy/" + fhirId(studyId)));
    s.setIndividual(new Reference(patient));
    if (consent != null) {
      s.setConsent(new Reference(consent));
    }
    if (assignedArm != null) {
      s.setAssignedArm(assignedArm);
    }
    return s;
  }

  /** The protocol's phase ({@code 2}, {@code 2/3}, {@code Phase 3}, {@code N/A}) as an R4 research-study-phase code. */
  static String phase(String phase) {
    String p = phase == null ? "" : phase.toLowerCase(Locale.ROOT).replace("phase", "").replace(" ", "");
    return switch (p) {
      case "0", "early1", "early-1" -> "early-phase-1";
      case "1" -> "phase-1";
      case "1/2", "1-2" -> "phase-1-phase-2";
      case "2" -> "phase-2";
      case "2/3", "2-3" -> "phase-2-phase-3";
      case "3" -> "phase-3";
      case "4" -> "phase-4";
      case "n/a", "na", "" -> "n-a";
      default -> throw new IllegalArgumentException("phase: '" + phase + "' is no trial phase (1, 1/2, 2, 2/3, 3, 4, "
          + "N/A)");
    };
  }

  private static String fhirId(String id) {
    String s = id.replaceAll("[^A-Za-z0-9\\-.]", "-");
    return s.length() > 64 ? s.substring(0, 64) : s;
  }
}

package org.oligotrial.server.participant;

import java.time.LocalDate;

/**
 * What the clinical data say of a randomized participant's course, the input of
 * {@link StatusTransitions#derivedPath(ClinicalCourse)}. Every date may be null (not happened, or not recorded).
 *
 * @param firstTreatment the first systemic-therapy administration or radiotherapy fraction
 * @param firstTreatmentWhat that record in words, e.g. {@code systemic therapy cycle 1 on 2025-01-08}
 * @param offTreatment when protocol treatment ended (discontinued, or the planned course completed)
 * @param offTreatmentReason why, in words (the discontinuation's reason, or "completed 4 planned cycles")
 * @param followUp the first follow-up observation after {@code offTreatment} (tumour assessment, last known alive)
 * @param progression the progression event date of the primary endpoint (not death)
 * @param progressionWhat where it comes from, e.g. {@code RECIST PD on 2025-04-14}
 * @param death the date of death
 * @param withdrawal the date of withdrawal
 * @param withdrawalReason the withdrawal's reason
 */
public record ClinicalCourse(LocalDate firstTreatment, String firstTreatmentWhat, LocalDate offTreatment,
    String offTreatmentReason, LocalDate followUp, LocalDate progression, String progressionWhat, LocalDate death,
    LocalDate withdrawal, String withdrawalReason) {}

/**
 * FHIR R4 with the mCODE oncology profiles: a patient's bundle mapped to a screening record of the eligibility engine
 * (the JSON format of docs/eligibility.md) with the provenance of every mapped field ({@link
 * org.oligotrial.fhir.BundleToRecord}); the reverse, screening records written as mCODE bundles for tests and synthetic
 * populations ({@link org.oligotrial.fhir.RecordToBundle}); and the trial and its participants as ResearchStudy and
 * ResearchSubject ({@link org.oligotrial.fhir.ResearchResources}). The code tables and their sources are in
 * {@link org.oligotrial.fhir.McodeCodes} and docs/fhir.md.
 */
package org.oligotrial.fhir;

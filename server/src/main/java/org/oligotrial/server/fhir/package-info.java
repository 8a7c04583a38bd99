/**
 * FHIR R4 at the server: a screening registered from a patient's mCODE bundle (mapped by the fhir module's {@code
 * BundleToRecord}, registered through the trial's {@code ParticipantService} exactly as a typed record, each mapped
 * field's provenance stored with the screening version in {@code screening_provenance}), and the trial and its
 * participants served as {@code ResearchStudy} and {@code ResearchSubject}. See docs/fhir.md, "In the server".
 */
package org.oligotrial.server.fhir;

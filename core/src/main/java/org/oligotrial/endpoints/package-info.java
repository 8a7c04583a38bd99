/**
 * Endpoint derivation driven by the protocol: from a participant's history (randomization, structured tumour
 * assessments, progression forms, death, last contact, withdrawal, irradiated lesions, adverse events and treatment
 * delivery) it derives every time-to-event endpoint the protocol declares (progression endpoints of a lesion scope:
 * the earliest of RECIST, clinical progression and, for {@code death: event}, death in the window, with its source;
 * overall survival), the worst CTCAE grade per term and treatment compliance, and the reconciliation findings
 * between RECIST progression and the progression form. No trial's endpoint ids live here.
 * Endpoints are derived, never typed in; one {@link org.oligotrial.endpoints.AnalysisRow} per participant feeds
 * {@code oligotrial analyze} through {@link org.oligotrial.endpoints.AnalysisCsv}.
 *
 * <p>Times are whole days from randomization (day 0) and months = days / 30.4375; events are 0 (censored) or 1.
 * Plain immutable records in and out, no persistence; everything here is thread-safe. Rules and references are in
 * {@link org.oligotrial.endpoints.EndpointDerivation} and docs/endpoints.md.
 */
package org.oligotrial.endpoints;

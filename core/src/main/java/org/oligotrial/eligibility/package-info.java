/**
 * The eligibility engine. Public API: {@link org.oligotrial.eligibility.ScreeningRecordParser}, built for a
 * protocol's declared record ({@link org.oligotrial.protocol.RecordDeclaration}), reads a candidate's screening data
 * (JSON in the declared shape; NCT03119519's format in docs/eligibility.md and docs/schema) into a
 * {@link org.oligotrial.eligibility.ScreeningRecord}, rejecting bad input with a
 * {@link org.oligotrial.eligibility.ScreeningRecordException} that carries line and field path;
 * {@link org.oligotrial.eligibility.EligibilityEngine} is built once from a {@link org.oligotrial.protocol.Protocol}
 * (e.g. {@code new EligibilityEngine(ProtocolLoader.bundled())}), is thread-safe, and its
 * {@code evaluate(ScreeningRecord)} returns an {@link org.oligotrial.eligibility.EligibilityResult} (verdict
 * ELIGIBLE/INELIGIBLE/INCOMPLETE, per-criterion results {id, kind, status, reason, source}, missing field paths),
 * which {@link org.oligotrial.eligibility.EligibilityJson} serialises;
 * {@link org.oligotrial.eligibility.ProtocolDerivations} derives the stratification levels and the systemic regimen
 * from the same record with the protocol's rules. The engine interprets the protocol's rule
 * vocabulary, resolved to slots of the declared record, and knows nothing of a particular trial; laboratory units are converted exactly by
 * {@link org.oligotrial.units.LabUnits}.
 */
package org.oligotrial.eligibility;

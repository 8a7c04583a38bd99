/**
 * The protocol as data: {@link org.oligotrial.protocol.Protocol} and its typed sections (arms, systemic-therapy rule,
 * eligibility criteria with their computable {@link org.oligotrial.protocol.Rule rules}, protocol notes,
 * stratification factors, randomization, endpoints, RECIST settings, visit schedule), loaded and validated from a
 * YAML file by {@link org.oligotrial.protocol.ProtocolLoader} ({@code load(Path)}, {@code bundled()} for NCT03119519,
 * {@code check(Path)} for errors and plausibility warnings). Nothing here knows a particular trial: a rule names
 * fields of the screening record the protocol declares ({@link org.oligotrial.protocol.RecordDeclaration}), and every
 * load error carries file, line, column and field path ({@link org.oligotrial.protocol.ProtocolException}). All types are immutable and thread-safe.
 */
package org.oligotrial.protocol;

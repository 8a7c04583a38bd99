/**
 * The CTCAE v5.0 dictionary (NCI, 2017, public domain; 837 terms with MedDRA v20.1 codes, system organ classes and
 * grade definitions) as data: {@link org.oligotrial.ctcae.Ctcae#v5()} loads it once from the classpath and looks
 * terms up by name or MedDRA code, tells which grades exist for a term, and searches by typing over term, system
 * organ class and a small synonym table ({@link org.oligotrial.ctcae.TermSearch}); a coded adverse-event term as a
 * form stores it is a {@link org.oligotrial.ctcae.CodedTerm}, checked by {@link org.oligotrial.ctcae.CodedTerms}.
 * All types are immutable and thread-safe.
 */
package org.oligotrial.ctcae;

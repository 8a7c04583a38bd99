package org.oligotrial.server.participant;

import java.time.LocalDate;

/**
 * Informed consent.
 *
 * @param formVersion version of the consent form signed
 * @param date date of signature
 * @param obtainedBy the person who obtained consent
 */
public record Consent(String formVersion, LocalDate date, String obtainedBy) {}

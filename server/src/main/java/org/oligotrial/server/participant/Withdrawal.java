package org.oligotrial.server.participant;

import java.time.LocalDate;

/**
 * Withdrawal from the study.
 *
 * @param date date of withdrawal
 * @param reason why
 * @param followUpAllowed whether follow-up data (survival, progression) may still be collected
 */
public record Withdrawal(LocalDate date, String reason, boolean followUpAllowed) {}

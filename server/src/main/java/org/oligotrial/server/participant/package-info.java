/**
 * The participant register: each participant from screening to the end of the study, with immutable screening
 * versions and their eligibility results, consent, withdrawal and a status that moves only along
 * {@link org.oligotrial.server.participant.StatusTransitions}. Every change is audited in the same transaction.
 */
package org.oligotrial.server.participant;

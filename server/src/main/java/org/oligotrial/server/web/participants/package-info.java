/**
 * Participant pages: the list of the user's sites' participants, the participant page (status, screening versions
 * with their criterion results, status history, consent, audit trail of every field) and consent entry.
 */
package org.oligotrial.server.web.participants;

/**
 * The date rules every observation of a participant obeys, in one place for every path that records one (forms,
 * consent, withdrawal, status changes; the REST API and the web alike): not after the day it is entered, not before
 * 1900 or the participant's birth, not before randomization except the baseline tumour assessment, and nothing
 * after death. {@link org.oligotrial.server.dates.ObservationDates} states the rules; the facts they need are put together by
 * {@link org.oligotrial.server.dates.ParticipantDatesReader} from the features that hold them, each a
 * {@link org.oligotrial.server.dates.DateSource} (this package names no table).
 */
package org.oligotrial.server.dates;

/**
 * The date rules every observation of a participant obeys, in one place for every path that records one (forms,
 * consent, withdrawal, status changes; the REST API and the web alike): not after the day it is entered, not before
 * 1900 or the participant's birth, not before randomization except the baseline tumour assessment, and nothing
 * after death. {@link org.oligotrial.server.dates.ObservationDates} states the rules; the facts they need are read by
 * {@link org.oligotrial.server.dates.ParticipantDatesReader}.
 */
package org.oligotrial.server.dates;

/**
 * The casebook: one participant's expected visits by scheduled forms, each cell the status of that visit's form
 * (not started, entered, queried, signed, locked, overdue, with a verified mark when the form is fully
 * source-verified) and a way to open or create it at that visit.
 */
package org.oligotrial.server.datacapture.casebook;

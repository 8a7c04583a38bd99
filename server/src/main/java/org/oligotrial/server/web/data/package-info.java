/**
 * Data management across the user's sites: the work lists a data manager or monitor goes through (screenings with
 * missing data, participants waiting for consent or randomization).
 */
package org.oligotrial.server.web.data;

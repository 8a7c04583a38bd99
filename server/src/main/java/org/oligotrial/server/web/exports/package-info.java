/**
 * The exports page: the trial's data for statistics packages (every form as CSV with a data dictionary and R and
 * SAS read-in scripts, the analysis dataset for the statistician) downloaded as one zip, audited.
 */
package org.oligotrial.server.web.exports;

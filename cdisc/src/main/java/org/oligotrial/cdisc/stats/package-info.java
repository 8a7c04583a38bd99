/**
 * Exports for statistics packages: every form's data as CSV with a data dictionary, and R and SAS read-in scripts
 * that type and label the columns (also for the project's analysis dataset).
 */
package org.oligotrial.cdisc.stats;

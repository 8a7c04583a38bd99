/**
 * Case report forms in the web application: a participant's visits, forms, RECIST sums, adverse events and queries
 * (built on the data-capture services), the form page with its audit trail, queries (raise, answer, close), the
 * investigator's signature and the data manager's lock.
 */
package org.oligotrial.server.web.forms;

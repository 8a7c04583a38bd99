/**
 * REST endpoints of data capture under {@code /api/v1}: visits, forms (enter, change, sign, lock, unlock, audit
 * trail), queries, alerts, derived endpoints and the analysis dataset. Errors are problem details (see
 * {@code org.oligotrial.server.api.ProblemHandler}); no stored row crosses the boundary, only these view records.
 */
package org.oligotrial.server.datacapture.api;

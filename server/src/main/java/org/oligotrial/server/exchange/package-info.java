/**
 * Data exchange in the CDISC standards: the trial's data as a {@link org.oligotrial.cdisc.model.ClinicalDataSource}
 * read participant by participant through the owning features' services ({@link
 * org.oligotrial.server.exchange.TrialDataSource}), ODM export and import ({@link
 * org.oligotrial.server.exchange.OdmExchange}), the operator commands and {@code GET /api/v1/odm}.
 */
package org.oligotrial.server.exchange;

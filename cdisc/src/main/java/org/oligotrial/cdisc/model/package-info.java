/**
 * The neutral data model every CDISC export reads and every import produces: administrative data (users, sites,
 * signature meanings) held in memory, and the clinical data streamed one {@link
 * org.oligotrial.cdisc.model.SubjectRecord} at a time through {@link org.oligotrial.cdisc.model.ClinicalDataSource},
 * so that a trial of any size is never held whole in memory.
 */
package org.oligotrial.cdisc.model;

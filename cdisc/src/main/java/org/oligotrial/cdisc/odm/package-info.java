/**
 * CDISC ODM 1.3.2: the protocol's metadata and the clinical data with their audit trail, signatures and queries,
 * written by a StAX streaming writer ({@link org.oligotrial.cdisc.odm.OdmWriter}) and read back by a StAX reader
 * ({@link org.oligotrial.cdisc.odm.OdmReader}) that checks the study and protocol version and plans an import.
 */
package org.oligotrial.cdisc.odm;

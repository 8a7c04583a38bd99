/**
 * CDISC data exchange for a trial run by OligoTrial: ODM 1.3.2 export and import ({@code odm}), SDTM and ADaM
 * datasets written as Dataset-JSON 1.1 and SAS XPORT v5 and described by Define-XML 2.1 ({@code tabulation}), all
 * fed by a streaming, framework-free data model ({@code model}) and checked against the standards' schemas
 * ({@code schema}). Depends on the domain core only. Mapping tables and decisions: docs/cdisc.md.
 */
package org.oligotrial.cdisc;

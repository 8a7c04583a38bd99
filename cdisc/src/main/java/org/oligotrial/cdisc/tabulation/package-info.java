/**
 * SDTM (SDTMIG 3.4) and ADaM (ADaMIG 1.3) datasets of the trial, built from the protocol and the streaming data
 * model, written as CDISC Dataset-JSON 1.1 and SAS transport v5 (XPT), described by Define-XML 2.1 and checked by
 * the conformance rules a reviewer trips on first. Mapping tables: docs/cdisc.md.
 */
package org.oligotrial.cdisc.tabulation;

/** The CDISC XML schemas shipped in the jar (ODM 1.3.2, Define-XML 2.1) and validation against them. */
package org.oligotrial.cdisc.schema;

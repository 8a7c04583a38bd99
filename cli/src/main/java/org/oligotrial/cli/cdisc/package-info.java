/**
 * {@code oligotrial cdisc}: the CDISC exchange commands that work from files alone (ODM metadata from the protocol,
 * checking an ODM clinical-data file against the protocol, SDTM from an ODM file, schema validation). The exports
 * and the import that need the trial database belong to the server's {@code export}/{@code import} commands.
 */
package org.oligotrial.cli.cdisc;

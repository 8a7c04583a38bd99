/**
 * The data monitoring committee's pages: the DSMB report of a trial (accrual, CONSORT, baseline, exposure, adverse
 * events, deaths, interim looks with the boundary plot, Kaplan-Meier curves, data currency), printable, DSMB members
 * only and audited; recording an interim look.
 */
package org.oligotrial.server.web.dsmb;

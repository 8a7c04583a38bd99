/**
 * Trial reports for the statistician (and through them the data monitoring committee): the CONSORT flow diagram
 * generated from the register, baseline characteristics by arm (Table 1), and the downloads (SVG, CSV, one printable
 * HTML report), each download audited as an export.
 */
package org.oligotrial.server.web.reports;

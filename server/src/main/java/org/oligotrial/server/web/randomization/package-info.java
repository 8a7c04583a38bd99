/**
 * The randomization page: the derived stratification factors and the treatment plan that will follow, the
 * investigator's confirmation with their password (an electronic signature, re-checked with the password encoder and
 * audited), and the allocation once made.
 */
package org.oligotrial.server.web.randomization;

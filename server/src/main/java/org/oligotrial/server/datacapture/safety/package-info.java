/**
 * Safety reporting: the serious adverse events of a trial with the 24-hour clock from the site's awareness, for the
 * alert shown to the site's investigators, data managers and monitors.
 */
package org.oligotrial.server.datacapture.safety;

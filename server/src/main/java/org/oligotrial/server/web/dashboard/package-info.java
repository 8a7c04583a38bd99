/**
 * The dashboard: enrollment over time against the target with a linear projection of the completion date, by site;
 * screen-failure reasons; status counts.
 */
package org.oligotrial.server.web.dashboard;

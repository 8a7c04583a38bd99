/** Trial sites (centres): each participant and each site-bound user belongs to sites identified by a short code. */
package org.oligotrial.server.site;

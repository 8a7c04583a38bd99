/**
 * Authentication and the HTTP security set-up: HTTP Basic and personal API tokens for {@code /api/**} (stateless),
 * a form login with expiring sessions for the web pages, login outcomes audited and counted for lockout, and 401/403
 * answered as problem details.
 */
package org.oligotrial.server.security;

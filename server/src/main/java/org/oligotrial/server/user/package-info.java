/**
 * Users, their roles and sites, passwords (BCrypt through Spring Security's delegating encoder), login lockout and
 * personal API tokens; and {@link org.oligotrial.server.user.AccessPolicy}, the one place that says who may read or
 * change which site's participants.
 */
package org.oligotrial.server.user;

/**
 * Users, their roles and sites, passwords (BCrypt through Spring Security's delegating encoder), login lockout and
 * personal API tokens. The acting user and the one place that says who may read or change which site's participants
 * ({@link org.oligotrial.server.kernel.Actor}, {@link org.oligotrial.server.kernel.AccessPolicy}) are in the shared
 * kernel, so that sites, participants and data capture use them without depending on user accounts.
 */
package org.oligotrial.server.user;

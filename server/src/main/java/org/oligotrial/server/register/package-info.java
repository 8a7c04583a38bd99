/**
 * The register as a whole: {@link org.oligotrial.server.register.Register} wires sites, users, participants and the
 * audit trail onto one database (used alike by the web server, the operator commands and the tests), and the
 * operator commands that open it ({@code sites}, {@code users}, {@code audit}). It sits above the features it wires;
 * the exceptions the services throw live in {@link org.oligotrial.server.kernel}.
 */
package org.oligotrial.server.register;

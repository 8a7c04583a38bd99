/**
 * The register as a whole: {@link org.oligotrial.server.register.Register} wires sites, users, participants and the
 * audit trail onto one database (used alike by the web server, the operator commands and the tests), and the
 * exceptions the services throw, which the REST API turns into problem details.
 */
package org.oligotrial.server.register;

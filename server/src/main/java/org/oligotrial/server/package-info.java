/**
 * The trial server: a Spring Boot application holding the participant register, users and sites, the audit trail,
 * the REST API and the web application. Each direct sub-package is one feature.
 */
package org.oligotrial.server;

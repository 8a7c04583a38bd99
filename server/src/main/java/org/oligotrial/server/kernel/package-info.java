/**
 * The shared kernel at the bottom of the server: what every feature may use and what uses nothing of the server
 * itself. Record ids ({@link org.oligotrial.server.kernel.Ids}), the checks at the service edge
 * ({@link org.oligotrial.server.kernel.Checks}, {@link org.oligotrial.server.kernel.TextRules},
 * {@link org.oligotrial.server.kernel.Identifiers}), the exceptions the services throw and the REST API and web pages
 * turn into 4xx answers ({@link org.oligotrial.server.kernel.InvalidFieldException} and its kin), and the acting user
 * with the access rules ({@link org.oligotrial.server.kernel.Actor}, {@link org.oligotrial.server.kernel.Role},
 * {@link org.oligotrial.server.kernel.AccessPolicy}). {@code ServerSlicesAreFreeOfCyclesTest} holds that it depends
 * on no other server package.
 */
package org.oligotrial.server.kernel;

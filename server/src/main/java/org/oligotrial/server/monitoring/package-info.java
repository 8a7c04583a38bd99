/**
 * Monitoring of a running trial: the interim looks of the protocol's group-sequential plan, computed from the trial's
 * analysis dataset with core's {@code InterimMonitoring} and recorded append-only ({@code interim_look}); the
 * boundary plot. See docs/group-sequential.md, "Monitoring in the server".
 */
package org.oligotrial.server.monitoring;

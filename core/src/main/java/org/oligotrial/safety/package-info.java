/**
 * Safety reporting rules that hold for any trial: the clock of a serious-adverse-event report from the moment the
 * site became aware of the event ({@link org.oligotrial.safety.ReportingDeadline}). Stateless and thread-safe.
 */
package org.oligotrial.safety;

/**
 * Screening pages: the screening form with units per lab value, the live criterion-by-criterion eligibility result
 * (htmx posts the form to {@code /screening/check}, which runs the {@link org.oligotrial.eligibility.EligibilityEngine}
 * and returns a fragment), saving as a screening version through the participant service, and the screening log.
 */
package org.oligotrial.server.web.screening;

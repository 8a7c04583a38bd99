/**
 * CTCAE v5.0 coding in the web application: the type-ahead over the dictionary ({@code GET /ctcae/terms}), the grades
 * of a term with their definitions ({@code GET /ctcae/grades}), and the HTML of the {@code ctcae-term} and
 * {@code ctcae-grade} form fields (template {@code ctcae/fields.html}), all over the core's
 * {@link org.oligotrial.ctcae.Ctcae} dictionary.
 */
package org.oligotrial.server.web.ctcae;

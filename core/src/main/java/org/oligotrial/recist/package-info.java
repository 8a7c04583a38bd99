/**
 * RECIST 1.1 tumour response: baseline rules, per-assessment target, non-target and overall response (Tables 4
 * and 5 of the guideline), best overall response without confirmation and the date of first progression. Structured
 * assessments ({@link org.oligotrial.recist.TumourAssessments}: lesions with generated ids, coded site, nodal flag,
 * measure, imaging method, slice thickness and role) are checked lesion by lesion
 * ({@link org.oligotrial.recist.BaselineRules}) and evaluated by {@link org.oligotrial.recist.TumourEvaluator}, which
 * also says where progression happened, per lesion and per scope (thoracic, primary tumour, oligometastatic foci).
 *
 * <p>Lengths are millimetres ({@link java.math.BigDecimal}, compared exactly so that a threshold such as a 30%
 * decrease holds at exactly 30%); dates are {@link java.time.LocalDate}. Every type here is immutable and
 * thread-safe. Bad data is reported by {@link org.oligotrial.recist.InvalidRecistDataException} naming the field.
 *
 * <p>Reference: Eisenhauer EA et al. New response evaluation criteria in solid tumours: revised RECIST guideline
 * (version 1.1). Eur J Cancer 2009;45:228-247. doi:10.1016/j.ejca.2008.10.026
 */
package org.oligotrial.recist;

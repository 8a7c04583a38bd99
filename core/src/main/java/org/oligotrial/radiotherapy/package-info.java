/**
 * Radiotherapy dose derivation: biologically effective dose (BED) and equivalent dose in 2 Gy fractions (EQD2) by
 * the linear-quadratic model, for the tumour (alpha/beta = 10 Gy) and late-responding normal tissue
 * (alpha/beta = 3 Gy), so that the differently fractionated schedules of the RT+ arm can be compared.
 *
 * <p>Reference: Fowler JF. The linear-quadratic formula and progress in fractionated radiotherapy. Br J Radiol
 * 1989;62:679-694. doi:10.1259/0007-1285-62-740-679
 */
package org.oligotrial.radiotherapy;

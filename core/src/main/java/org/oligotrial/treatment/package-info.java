/**
 * The treatment each randomized participant receives in NCT03119519: the systemic regimen chosen by the EGFR gene
 * test and the histology, plus, on the RT+ arm, local radiotherapy (3D-CRT or IMRT) to the primary thoracic tumour
 * and/or the remediable oligometastatic foci. Pure functions with immutable results.
 */
package org.oligotrial.treatment;

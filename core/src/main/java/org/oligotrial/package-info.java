/**
 * The framework-free domain core of OligoTrial. Each sub-package is one feature of the trial (protocol,
 * eligibility, units, randomization, recist, survival, design); none depends on Spring, a database or the web.
 */
package org.oligotrial;

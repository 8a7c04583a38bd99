/**
 * The {@code oligotrial} command line for everything that needs only the domain core: screening, protocol checks,
 * survival analysis and trial design, RECIST evaluation and randomization simulation. Each command reads files,
 * prints a readable report (or JSON with {@code --json}) and exits 0 when it evaluated, 2 on bad input.
 */
package org.oligotrial.cli;

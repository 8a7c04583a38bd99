/**
 * The {@code oligotrial design} command group: trial design calculations, such as the events and patients a
 * log-rank comparison needs ({@code design sample-size}), as a table or JSON with {@code --json}.
 */
package org.oligotrial.cli.design;

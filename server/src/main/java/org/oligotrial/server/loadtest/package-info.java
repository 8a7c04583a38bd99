/**
 * {@code oligotrial load-test}: a small, bounded load driver for the REST API (loopback only), used for the figures
 * in {@code docs/benchmarks.md}.
 */
package org.oligotrial.server.loadtest;

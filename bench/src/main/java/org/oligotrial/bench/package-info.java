/** JMH benchmarks of the domain core; figures and how to reproduce them are in {@code docs/benchmarks.md}. */
package org.oligotrial.bench;

/**
 * The screening commands: {@code oligotrial screen FILE.json} (readable report or {@code --json}),
 * {@code oligotrial screen --batch FILE.ndjson --out results.csv} (streaming, CONSORT tallies),
 * {@code oligotrial screen generate} (synthetic records for benchmarks) and {@code oligotrial protocol check FILE}
 * (structural errors and plausibility warnings). Bad input is reported on one line naming file, line and field,
 * with exit code 2.
 */
package org.oligotrial.cli.eligibility;

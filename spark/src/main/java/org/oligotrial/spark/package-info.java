/**
 * Pre-screening a hospital's population on Apache Spark: FHIR Bulk Data NDJSON (or Parquet) grouped by patient, each
 * patient mapped with the FHIR mapping of the fhir module and evaluated by the core eligibility engine (one engine
 * per partition, built from the broadcast protocol file), per-patient verdicts written as Parquet and CSV, and the
 * pre-screening funnel as a table and an SVG chart. Entry point: {@link org.oligotrial.spark.PopulationScreening}.
 */
package org.oligotrial.spark;

package org.oligotrial.spark;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.hl7.fhir.r4.model.Resource;
import org.oligotrial.eligibility.EligibilityEngine;
import org.oligotrial.eligibility.EligibilityResult;
import org.oligotrial.fhir.BundleMappingException;
import org.oligotrial.fhir.BundleToRecord;
import org.oligotrial.protocol.ProtocolLoader;

/**
 * Screens the patients of one partition: rows {@code (patient, resource)} of FHIR JSON, sorted by patient (so each
 * patient's resources are consecutive), become one row of {@link #SCHEMA} per patient. The engine, the mapper and
 * the FHIR parser are made once per partition (the protocol comes from a broadcast of the protocol file's text); each
 * resource is parsed once, straight from its row's text, and only the current patient's resources are held. A patient
 * whose resources cannot be mapped gets verdict ERROR and the message naming the resource and element, and the job
 * goes on.
 */
final class PatientScreener implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  /** One row per patient. */
  static final StructType SCHEMA = new StructType()
      .add("patient", DataTypes.StringType, false)
      .add("verdict", DataTypes.StringType, false)
      .add("failed", DataTypes.createArrayType(DataTypes.StringType), false)
      .add("undecided", DataTypes.createArrayType(DataTypes.StringType), false)
      .add("missing", DataTypes.createArrayType(DataTypes.StringType), false)
      .add("error", DataTypes.StringType, true);

  private final Broadcast<String> protocolYaml;
  private final String protocolName;
  private final LocalDate screeningDate;

  PatientScreener(Broadcast<String> protocolYaml, String protocolName, LocalDate screeningDate) {
    this.protocolYaml = protocolYaml;
    this.protocolName = protocolName;
    this.screeningDate = screeningDate;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    EligibilityEngine engine = new EligibilityEngine(ProtocolLoader.parse(protocolYaml.value(), protocolName));
    BundleToRecord mapper = new BundleToRecord();
    IParser parser = FhirContext.forR4Cached().newJsonParser();
    parser.setParserErrorHandler(new StrictErrorHandler());
    return new Iterator<>() {
      /** The first row of the next patient (its patient and resource), read ahead while collecting the current. */
      private String nextPatient;
      private String nextResource;
      private final List<Resource> resources = new ArrayList<>();

      {
        advance();
      }

      private void advance() {
        if (rows.hasNext()) {
          Row r = rows.next();
          nextPatient = r.getString(0);
          nextResource = r.getString(1);
        } else {
          nextPatient = null;
          nextResource = null;
        }
      }

      @Override
      public boolean hasNext() {
        return nextPatient != null;
      }

      @Override
      public Row next() {
        if (nextPatient == null) {
          throw new NoSuchElementException();
        }
        String patient = nextPatient;
        String problem = null;
        // every row of this patient is consumed, also after a resource that cannot be parsed
        do {
          if (problem == null) {
            try {
              resources.add((Resource) parser.parseResource(nextResource));
            } catch (DataFormatException e) {
              problem = "not valid FHIR R4 JSON: " + e.getMessage();
            }
          }
          advance();
        } while (patient.equals(nextPatient));
        return screen(patient, problem);
      }

      private Row screen(String patient, String problem) {
        try {
          if (problem != null) {
            throw new BundleMappingException(patient, problem);
          }
          EligibilityResult result = engine.evaluate(mapper.map(resources, screeningDate, null).toScreeningRecord());
          return RowFactory.create(patient, result.verdict().name(), result.failed().toArray(String[]::new),
              result.unknown().toArray(String[]::new), result.missing().toArray(String[]::new), null);
        } catch (BundleMappingException | IllegalArgumentException e) {
          return RowFactory.create(patient, "ERROR", new String[0], new String[0], new String[0], e.getMessage());
        } finally {
          resources.clear();
        }
      }
    };
  }
}

package org.oligotrial.cdisc.tabulation;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one dataset as CDISC Dataset-JSON 1.1 (schema {@code dataset-json-1.1.schema.json}, validated in the
 * tests). Top-level attributes first, then {@code columns}, then {@code rows} (as the standard recommends, so a
 * reader can stream the rows). Column types: text {@code string} with its {@code length}; integers
 * {@code integer}; other numbers {@code double}; SDTM dates ({@code --DTC}) {@code date} (ISO 8601 text); ADaM
 * dates {@code date} with {@code targetDataType: integer} and {@code displayFormat: DATE9.} (a SAS date in XPT), as
 * the standard's ADTTE example does. {@code itemOID}s are {@code IT.{dataset}.{variable}}, the OIDs of the
 * Define-XML file ({@link DefineXmlWriter}). Stateless, thread-safe.
 */
public final class DatasetJsonWriter {
  private static final JsonMapper JSON =
      JsonMapper.builder().disable(tools.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private DatasetJsonWriter() {}

  /**
   * The file-level attributes.
   *
   * @param created {@code datasetJSONCreationDateTime}
   * @param studyOid the Define-XML Study OID
   * @param metaDataVersionOid the Define-XML MetaDataVersion OID
   * @param fileOidPrefix prefix of {@code fileOID} (the dataset name is appended)
   */
  public record Header(LocalDateTime created, String studyOid, String metaDataVersionOid, String fileOidPrefix) {}

  /** Writes the dataset (the stream is flushed, not closed). */
  public static void write(Dataset ds, Header h, OutputStream out) {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringProperty("datasetJSONCreationDateTime",
          h.created().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
      g.writeStringProperty("datasetJSONVersion", "1.1.0");
      g.writeStringProperty("fileOID", h.fileOidPrefix() + "/" + ds.name().toLowerCase(java.util.Locale.ROOT));
      g.writeStringProperty("originator", "OligoTrial");
      g.writeName("sourceSystem");
      g.writeStartObject();
      g.writeStringProperty("name", "OligoTrial");
      g.writeStringProperty("version", "0.1.0");
      g.writeEndObject();
      g.writeStringProperty("studyOID", h.studyOid());
      g.writeStringProperty("metaDataVersionOID", h.metaDataVersionOid());
      g.writeStringProperty("metaDataRef", "define.xml");
      g.writeStringProperty("itemGroupOID", "IG." + ds.name());
      g.writeNumberProperty("records", ds.rows().size());
      g.writeStringProperty("name", ds.name());
      g.writeStringProperty("label", ds.label());
      g.writeName("columns");
      g.writeStartArray();
      int n = ds.variables().size();
      for (int i = 0; i < n; i++) {
        Variable v = ds.variables().get(i);
        g.writeStartObject();
        g.writeStringProperty("itemOID", "IT." + ds.name() + "." + v.name());
        g.writeStringProperty("name", v.name());
        g.writeStringProperty("label", v.label());
        switch (v.type()) {
          case TEXT -> {
            g.writeStringProperty("dataType", "string");
            g.writeNumberProperty("length", ds.length(i));
          }
          case INTEGER -> g.writeStringProperty("dataType", "integer");
          case FLOAT -> g.writeStringProperty("dataType", "double");
          case DATE -> {
            g.writeStringProperty("dataType", "date");
            if (ds.adam()) {
              g.writeStringProperty("targetDataType", "integer");
              g.writeStringProperty("displayFormat", "DATE9.");
            }
          }
          default -> throw new IllegalStateException();
        }
        int key = ds.keys().indexOf(v.name());
        if (key >= 0) {
          g.writeNumberProperty("keySequence", key + 1);
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeName("rows");
      g.writeStartArray();
      for (Object[] row : ds.rows()) {
        g.writeStartArray();
        for (Object v : row) {
          if (v == null) {
            g.writeNull();
          } else if (v instanceof Long l) {
            g.writeNumber(l);
          } else if (v instanceof BigDecimal d) {
            g.writeNumber(d.doubleValue());
          } else if (v instanceof LocalDate d) {
            g.writeString(d.toString());
          } else {
            g.writeString(v.toString());
          }
        }
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }
}

package org.oligotrial.fhir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.oligotrial.eligibility.ScreeningRecord;
import org.oligotrial.eligibility.ScreeningRecordException;
import org.oligotrial.eligibility.ScreeningRecordParser;
import tools.jackson.databind.node.ObjectNode;

/**
 * A screening record mapped from a FHIR bundle, in the JSON format of docs/eligibility.md, with the provenance of each
 * mapped field (keyed by the record's field path: {@code birthDate}, {@code labs.WBC}, {@code metastases[0]}). Fields
 * the bundle does not tell are absent from both. The record is fed to the engine through the public parser, so it is
 * checked exactly as a hand-typed record is.
 */
public record MappedRecord(ObjectNode record, Map<String, FieldSource> provenance) {
  private static final ScreeningRecordParser PARSER = new ScreeningRecordParser();

  public MappedRecord {
    provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
  }

  /** The record as compact JSON text. */
  public String json() {
    return record.toString();
  }

  /**
   * The record parsed by the engine's reader. A value the reader refuses (e.g. an intracranial answer disagreeing
   * with the sites) becomes a {@link BundleMappingException} naming the resource the field came from.
   */
  public ScreeningRecord toScreeningRecord() {
    try {
      return PARSER.parse(json());
    } catch (ScreeningRecordException e) {
      String field = e.field() == null ? "" : e.field();
      FieldSource src = sourceOf(field);
      throw new BundleMappingException(src == null ? "Bundle" : src.toString(),
          "record field " + field + ": " + e.problem(), e);
    }
  }

  /** The source of {@code field} or of the nearest enclosing field that has one ({@code labs.WBC.uln -> labs.WBC}). */
  public FieldSource sourceOf(String field) {
    String f = field;
    while (!f.isEmpty()) {
      FieldSource s = provenance.get(f);
      if (s != null) {
        return s;
      }
      int cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['));
      f = cut < 0 ? "" : f.substring(0, cut);
    }
    return null;
  }
}

package org.oligotrial.cdisc.tabulation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.oligotrial.cdisc.model.ClinicalDataSource;
import org.oligotrial.cdisc.model.SubjectRecord;
import org.oligotrial.endpoints.AnalysisRow;
import org.oligotrial.protocol.Protocol;

/**
 * Writes a set of datasets to a directory: one file per dataset ({@code dm.json} or {@code dm.xpt}), the
 * {@code define.xml} describing them, and {@code conformance.txt} (the {@link Conformance} table). The entry point
 * of {@code oligotrial export sdtm|adam} and of the server's export. Stateless.
 */
public final class TabulationExport {
  private TabulationExport() {}

  /** The file formats. */
  public enum Format { JSON, XPT }

  /** The SDTM datasets of a trial. */
  public static List<Dataset> sdtm(Protocol p, ClinicalDataSource source) {
    return SdtmBuilder.build(p, source);
  }

  /**
   * The ADaM datasets of a trial.
   *
   * @param endpoints each randomized subject's derived endpoints (the server's {@code EndpointDerivation} result)
   */
  public static List<Dataset> adam(Protocol p, ClinicalDataSource source,
      Function<SubjectRecord, AnalysisRow> endpoints) {
    return AdamBuilder.build(p, source, endpoints, SdtmBuilder.build(p, source));
  }

  /**
   * Writes the datasets, their define.xml and the conformance table into {@code dir} (created if needed).
   *
   * @return the conformance findings
   * @throws UncheckedIOException when a file cannot be written
   */
  public static List<Conformance.Finding> write(Protocol p, List<Dataset> datasets, Format format, Path dir,
      Instant created) {
    try {
      Files.createDirectories(dir);
      LocalDateTime local = LocalDateTime.ofInstant(created, ZoneOffset.UTC);
      boolean adam = !datasets.isEmpty() && datasets.get(0).adam();
      List<Path> written = new ArrayList<>();
      for (Dataset d : datasets) {
        Path f = dir.resolve(d.name().toLowerCase(Locale.ROOT) + (format == Format.JSON ? ".json" : ".xpt"));
        try (OutputStream out = Files.newOutputStream(f)) {
          if (format == Format.JSON) {
            DatasetJsonWriter.write(d, new DatasetJsonWriter.Header(local, DefineXmlWriter.studyOid(p),
                DefineXmlWriter.metaDataVersionOid(p, adam), p.id() + (adam ? "/adam" : "/sdtm")), out);
          } else {
            XptWriter.write(d, local, out);
          }
        }
        written.add(f);
      }
      try (OutputStream out = Files.newOutputStream(dir.resolve("define.xml"))) {
        DefineXmlWriter.write(p, datasets, format == Format.JSON ? "json" : "xpt", created, out);
      }
      List<Conformance.Finding> findings = Conformance.check(datasets);
      Files.writeString(dir.resolve("conformance.txt"), Conformance.table(findings));
      return findings;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

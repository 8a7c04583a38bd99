package org.oligotrial.cdisc.odm;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.oligotrial.cdisc.model.AdminInfo;
import org.oligotrial.cdisc.model.ClinicalDataSource;
import org.oligotrial.cdisc.model.SubjectRecord;

/**
 * The clinical data of an ODM file as a {@link ClinicalDataSource}: each iteration reads the file again with
 * {@link OdmReader}, one subject at a time, so that SDTM can be built from an ODM export (of this system or of
 * another EDC) without a database. The administrative data are not read (empty). Not thread-safe.
 */
public final class OdmFileSource implements ClinicalDataSource {
  private final OdmStudy study;
  private final Path file;
  private List<OdmReader.Problem> problems = List.of();

  /**
   * @param study this protocol's identity (a file for another study or version is refused on first read)
   * @param file the ODM file
   */
  public OdmFileSource(OdmStudy study, Path file) {
    this.study = study;
    this.file = file;
  }

  /** The problems of the last read. */
  public List<OdmReader.Problem> problems() {
    return problems;
  }

  @Override
  public AdminInfo admin() {
    return new AdminInfo(List.of(), List.of(), List.of());
  }

  /** @throws OdmRefusedException when the file is refused; {@link UncheckedIOException} when it cannot be read */
  @Override
  public void forEachSubject(String siteCode, Consumer<SubjectRecord> consumer) {
    OdmReader reader = new OdmReader(study);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      reader.read(in, s -> {
        if (siteCode == null || siteCode.equals(s.siteCode())) {
          consumer.accept(s);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    problems = reader.problems();
  }
}

package org.oligotrial.cli.cdisc;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import org.oligotrial.cdisc.model.AdminInfo;
import org.oligotrial.cdisc.odm.OdmFileSource;
import org.oligotrial.cdisc.odm.OdmImport;
import org.oligotrial.cdisc.odm.OdmReader;
import org.oligotrial.cdisc.odm.OdmRefusedException;
import org.oligotrial.cdisc.odm.OdmStudy;
import org.oligotrial.cdisc.odm.OdmWriter;
import org.oligotrial.cdisc.schema.CdiscSchemas;
import org.oligotrial.cdisc.tabulation.Conformance;
import org.oligotrial.cdisc.tabulation.Dataset;
import org.oligotrial.cdisc.tabulation.TabulationExport;
import org.oligotrial.input.UserInputException;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolException;
import org.oligotrial.protocol.ProtocolLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oligotrial cdisc}: CDISC ODM, SDTM and Define-XML from files, without the trial database. */
@Command(name = "cdisc", mixinStandardHelpOptions = true,
    description = {"CDISC exchange from files, without the trial database: ODM metadata of the protocol, checking",
        "an ODM clinical-data file, SDTM (Dataset-JSON or XPT with define.xml) from an ODM file, schema validation.",
        "Exports of the database (ODM, SDTM, ADaM) and the ODM import are server commands."},
    subcommands = {CdiscCommand.OdmMetadata.class, CdiscCommand.OdmCheck.class, CdiscCommand.Sdtm.class,
        CdiscCommand.Stats.class, CdiscCommand.Validate.class})
public final class CdiscCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  static Protocol protocol(Path file) {
    if (file == null) {
      return ProtocolLoader.bundled();
    }
    try {
      return ProtocolLoader.load(file);
    } catch (ProtocolException e) {
      throw new UserInputException(e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new UserInputException(e.getCause() instanceof NoSuchFileException ? "no such file: " + file
          : "cannot read " + file + ": " + e.getCause().getMessage(), e);
    }
  }

  static void mustExist(Path f) {
    if (!Files.isRegularFile(f)) {
      throw new UserInputException("no such file: " + f);
    }
  }

  /**
   * The opening every sub-command reading an ODM clinical-data file shares: the file must exist, the protocol is
   * loaded (the bundled one by default) and the file is read as a {@link OdmFileSource}.
   *
   * @param protocol the protocol the file must follow
   * @param source the file's subjects (read again on each use)
   */
  record OdmInput(Protocol protocol, OdmStudy study, Path file, OdmFileSource source) {
    static OdmInput open(Path odm, Path protocolFile) {
      mustExist(odm);
      Protocol p = CdiscCommand.protocol(protocolFile);
      OdmStudy study = OdmStudy.of(p);
      return new OdmInput(p, study, odm, new OdmFileSource(study, odm));
    }

    /** Runs a read of the file, a refusal becoming the user's error ({@code refused: <reason>}, exit 2). */
    <T> T read(java.util.function.Supplier<T> work) {
      try {
        return work.get();
      } catch (OdmRefusedException e) {
        throw new UserInputException("refused: " + e.getMessage(), e);
      }
    }

    /** Prints every value the last read left out ({@code left out: <subject> <where>: <problem>}). */
    void printProblems(PrintWriter out, List<OdmReader.Problem> problems) {
      problems.forEach(pr -> out.println("left out: " + pr));
    }
  }

  /** {@code cdisc odm-metadata}. */
  @Command(name = "odm-metadata", mixinStandardHelpOptions = true,
      description = {"Write the protocol's case report forms as ODM 1.3.2 metadata (Study with its MetaDataVersion:",
          "visits, forms, item groups, items with types, ranges and units, code lists, edit checks as ConditionDefs,",
          "derivations as MethodDefs), for another EDC to build the same forms."})
  static final class OdmMetadata implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--protocol", paramLabel = "FILE", description = "Protocol file (default: the bundled one).")
    Path protocolFile;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The ODM file to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
      OdmStudy study = OdmStudy.of(protocol(protocolFile));
      try (OutputStream o = Files.newOutputStream(out)) {
        OdmWriter.writeMetadata(study, new AdminInfo(List.of(), List.of(), List.of()),
            "F." + study.protocol().id() + ".METADATA", Instant.now(), o);
      }
      spec.commandLine().getOut().printf("%s: ODM metadata of %s, MetaDataVersion %s%n", out, study.protocol().id(),
          study.metaDataVersionOid());
      return 0;
    }
  }

  /** {@code cdisc odm-check}. */
  @Command(name = "odm-check", mixinStandardHelpOptions = true,
      description = {"Check an ODM clinical-data file against the protocol as an import's dry run would, against an",
          "empty database: refused when it is for another study or forms version (exit 2, with the reason);",
          "otherwise the subjects and values it holds and every value that would be left out (exit 0, or 1 with",
          "problems)."})
  static final class OdmCheck implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The ODM file.")
    Path file;

    @Option(names = "--protocol", paramLabel = "FILE", description = "Protocol file (default: the bundled one).")
    Path protocolFile;

    @Override
    public Integer call() throws IOException {
      OdmInput odm = OdmInput.open(file, protocolFile);
      OdmImport.Plan plan = odm.read(() -> {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
          return OdmImport.plan(odm.study(), in, file.getFileName().toString(), key -> null, null);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%s: %s file %s for %s, %d subjects, %d values to insert%n", file, plan.header().fileType(),
          plan.header().fileOid(), odm.study().metaDataVersionOid(), plan.subjects(), plan.changes().size());
      out.printf("reason for change on import: %s%n", plan.reasonForChange());
      odm.printProblems(out, plan.problems());
      out.flush();
      return plan.problems().isEmpty() ? 0 : 1;
    }
  }

  /** {@code cdisc sdtm}. */
  @Command(name = "sdtm", mixinStandardHelpOptions = true,
      description = {"Build the SDTM datasets (TS, TA, TE, TV, TI, DM, DS, IE, MH, SV, AE, SUPPAE, EX, PR, SUPPPR, LB, TU, TR,",
          "RS) from an ODM clinical-data file and write them as Dataset-JSON 1.1 or SAS transport v5, with their",
          "define.xml and conformance.txt. Exit 0 without conformance findings, 1 with findings."})
  static final class Sdtm implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--odm", required = true, paramLabel = "FILE", description = "The ODM clinical-data file.")
    Path odm;

    @Option(names = "--format", defaultValue = "json", paramLabel = "json|xpt",
        description = "File format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The directory to write into.")
    Path out;

    @Option(names = "--protocol", paramLabel = "FILE", description = "Protocol file (default: the bundled one).")
    Path protocolFile;

    @Override
    public Integer call() {
      TabulationExport.Format f = switch (format) {
        case "json" -> TabulationExport.Format.JSON;
        case "xpt" -> TabulationExport.Format.XPT;
        default -> throw new UserInputException("--format: json or xpt, not " + format);
      };
      OdmInput in = OdmInput.open(odm, protocolFile);
      List<Dataset> sdtm = in.read(() -> TabulationExport.sdtm(in.protocol(), in.source()));
      List<Conformance.Finding> findings = TabulationExport.write(in.protocol(), sdtm, f, out, Instant.now());
      PrintWriter o = spec.commandLine().getOut();
      in.printProblems(o, in.source().problems());
      o.printf("%s: %d datasets (%s), define.xml, conformance.txt: %d finding(s)%n", out, sdtm.size(),
          String.join(" ", sdtm.stream().map(d -> d.name() + "=" + d.rows().size()).toList()), findings.size());
      o.flush();
      return findings.isEmpty() ? 0 : 1;
    }
  }

  /** {@code cdisc stats}. */
  @Command(name = "stats", mixinStandardHelpOptions = true,
      description = {"Write every form's data from an ODM clinical-data file as CSV (one file per form and per",
          "repeating group), a data dictionary, and R and SAS read-in scripts that type and label the columns;",
          "also read-in scripts for the analysis dataset (analysis.csv of 'export analysis-dataset')."})
  static final class Stats implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--odm", required = true, paramLabel = "FILE", description = "The ODM clinical-data file.")
    Path odm;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The directory to write into.")
    Path out;

    @Option(names = "--protocol", paramLabel = "FILE", description = "Protocol file (default: the bundled one).")
    Path protocolFile;

    @Override
    public Integer call() {
      OdmInput in = OdmInput.open(odm, protocolFile);
      java.util.Map<String, Integer> counts = in.read(() -> org.oligotrial.cdisc.stats.StatsExport.writeForms(
          in.protocol(), in.source(), out));
      org.oligotrial.cdisc.stats.StatsExport.writeAnalysisScripts(out);
      PrintWriter o = spec.commandLine().getOut();
      in.printProblems(o, in.source().problems());
      o.printf("%s: %d tables, dictionary.csv, read.R, read.sas, read-analysis.R, read-analysis.sas%n", out,
          counts.size());
      o.flush();
      return 0;
    }
  }

  /** {@code cdisc validate}. */
  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = {"Validate an ODM 1.3.2 or Define-XML 2.1 file against the CDISC schema (chosen by the file: a",
          "def:Context attribute on the root makes it a define.xml). Exit 0 when valid, 1 with the problems."})
  static final class Validate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The XML file.")
    Path file;

    @Override
    public Integer call() throws IOException {
      mustExist(file);
      boolean define = isDefine(file);
      List<String> problems = CdiscSchemas.validate(define ? CdiscSchemas.define() : CdiscSchemas.odm(),
          new StreamSource(file.toFile()));
      PrintWriter out = spec.commandLine().getOut();
      problems.forEach(pr -> out.println(file + ": " + pr));
      out.printf("%s: %s against %s%n", file, problems.isEmpty() ? "valid" : problems.size() + " problem(s)",
          define ? "Define-XML 2.1" : "ODM 1.3.2");
      out.flush();
      return problems.isEmpty() ? 0 : 1;
    }

    private static boolean isDefine(Path f) throws IOException {
      XMLInputFactory xf = XMLInputFactory.newFactory();
      xf.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      try (InputStream in = Files.newInputStream(f)) {
        XMLStreamReader r = xf.createXMLStreamReader(in);
        r.nextTag();
        return r.getAttributeValue("http://www.cdisc.org/ns/def/v2.1", "Context") != null;
      } catch (XMLStreamException e) {
        throw new UserInputException(f + " is not XML: " + e.getMessage(), e);
      }
    }
  }
}

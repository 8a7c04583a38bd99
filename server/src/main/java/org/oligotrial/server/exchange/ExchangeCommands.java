package org.oligotrial.server.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oligotrial.cdisc.odm.OdmImport;
import org.oligotrial.cdisc.odm.OdmRefusedException;
import org.oligotrial.cdisc.odm.OdmWriter;
import org.oligotrial.cdisc.tabulation.Conformance;
import org.oligotrial.cdisc.tabulation.Dataset;
import org.oligotrial.cdisc.tabulation.TabulationExport;
import org.oligotrial.endpoints.AnalysisRow;
import org.oligotrial.input.UserInputException;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.database.DatabaseOption;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.RecordNotFoundException;
import org.oligotrial.server.register.OperatorSession;
import org.oligotrial.server.trial.Trial;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The operator commands of the CDISC exchange, on the database like {@code export analysis-dataset}:
 * {@code export odm}, {@code export sdtm}, {@code export adam} (added to the {@code export} command) and
 * {@code import odm}. Exit 0 when done, 1 when an import left values or forms out, 2 when a file is refused (the
 * reason on stderr) or cannot be written.
 */
public final class ExchangeCommands {
  private ExchangeCommands() {}

  /** Adds {@code export odm|sdtm|adam} to the {@code export} command and the {@code import} command. */
  public static void addTo(CommandLine root) {
    CommandLine export = root.getSubcommands().get("export");
    export.addSubcommand(new ExportOdm());
    export.addSubcommand("sdtm", new ExportTabulation(false));
    export.addSubcommand("adam", new ExportTabulation(true));
    root.addSubcommand(new ImportCommand());
  }

  /** The trial named by {@code --trial}, or the default. */
  static Trial trial(OperatorSession s, String id) {
    try {
      return id == null ? s.register().trials().defaultTrial() : s.register().trials().get(id);
    } catch (RecordNotFoundException e) {
      throw new UserInputException("--trial: the server holds no trial " + id);
    }
  }

  static OdmExchange exchange(OperatorSession s, Trial t) {
    DataCapture dc = DataCapture.on(s.register(), t.protocol(), t.current().version(), Clock.systemUTC());
    return new OdmExchange(s.register(), s.register().participants(t.id()), dc);
  }

  /** {@code export odm}. */
  @Command(name = "odm", mixinStandardHelpOptions = true,
      description = {"Write the trial's clinical data as a CDISC ODM 1.3.2 file: metadata from the protocol, admin",
          "data (users, sites, signature meanings), every participant's forms with the audit trail as",
          "AuditRecords, signatures and queries. A snapshot by default; --transactional writes one ItemData",
          "per change. Streamed participant by participant. Audited as an export."})
  static final class ExportOdm implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption db;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The ODM file to write.")
    Path out;

    @Option(names = "--transactional", description = "Every change as its own ItemData (default: a snapshot).")
    boolean transactional;

    @Option(names = "--site", paramLabel = "CODE", description = "Only this site's participants.")
    String site;

    @Option(names = "--trial", paramLabel = "ID", description = "The trial (default: the default trial).")
    String trial;

    @Override
    public Integer call() {
      try (OperatorSession s = OperatorSession.open(db.resolve())) {
        Trial t = trial(s, trial);
        if (site != null && !s.register().trials().sites(t.id()).contains(site)) {
          throw new UserInputException("--site: site " + site + " does not take part in trial " + t.id());
        }
        OdmWriter.Counts c;
        try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(out))) {
          c = exchange(s, t).export(Actor.operator(), transactional, site, Instant.now(), o);
        } catch (IOException | UncheckedIOException e) {
          spec.commandLine().getErr().println("cannot write " + out + ": " + e.getMessage());
          return 2;
        }
        spec.commandLine().getOut().println((transactional ? "transactional" : "snapshot") + " ODM of " + t.id()
            + " written to " + out + ": " + c.subjects + " subjects, " + c.itemData + " items, " + c.auditRecords
            + " audit records, " + c.signatures + " signatures, " + c.annotations + " queries");
        return 0;
      }
    }
  }

  /** {@code export sdtm} and {@code export adam}. */
  @Command(mixinStandardHelpOptions = true,
      description = {"Write the trial's SDTM (export sdtm) or ADaM (export adam: ADSL, ADTTE) datasets as",
          "Dataset-JSON 1.1 or SAS transport v5 (XPT), with define.xml (Define-XML 2.1) and conformance.txt.",
          "Audited as an export."})
  static final class ExportTabulation implements Callable<Integer> {
    private final boolean adam;
    @Spec CommandSpec spec;
    @Mixin DatabaseOption db;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The directory to write into.")
    Path out;

    @Option(names = "--format", paramLabel = "json|xpt", defaultValue = "json",
        description = "json (Dataset-JSON 1.1, the default) or xpt (SAS transport v5).")
    String format;

    @Option(names = "--trial", paramLabel = "ID", description = "The trial (default: the default trial).")
    String trial;

    ExportTabulation(boolean adam) {
      this.adam = adam;
    }

    @Override
    public Integer call() {
      TabulationExport.Format f = switch (format.toLowerCase(java.util.Locale.ROOT)) {
        case "json" -> TabulationExport.Format.JSON;
        case "xpt" -> TabulationExport.Format.XPT;
        default -> throw new UserInputException("--format: expected json or xpt, not '" + format + "'");
      };
      try (OperatorSession s = OperatorSession.open(db.resolve())) {
        Trial t = trial(s, trial);
        DataCapture dc = DataCapture.on(s.register(), t.protocol(), t.current().version(), Clock.systemUTC());
        TrialDataSource source = new TrialDataSource(s.register(), s.register().participants(t.id()), dc);
        List<Dataset> datasets;
        if (adam) {
          Map<String, AnalysisRow> rows = new HashMap<>();
          dc.endpoints().dataset().rows().forEach(r -> rows.put(r.participantId(), r));
          datasets = TabulationExport.adam(t.protocol(), source, x -> rows.get(x.subjectKey()));
        } else {
          datasets = TabulationExport.sdtm(t.protocol(), source);
        }
        List<Conformance.Finding> findings;
        try {
          findings = TabulationExport.write(t.protocol(), datasets, f, out, Instant.now());
        } catch (UncheckedIOException e) {
          spec.commandLine().getErr().println("cannot write " + out + ": " + e.getMessage());
          return 2;
        }
        String what = adam ? "ADaM" : "SDTM";
        s.register().audit().recordNow(new AuditEntry(Actor.operator().username(), AuditAction.EXPORT, "export",
            adam ? "adam" : "sdtm", null, null, what + " " + f.name().toLowerCase(java.util.Locale.ROOT) + ": "
                + datasets.size() + " datasets to " + out.getFileName(), null, null, t.id()));
        PrintWriter o = spec.commandLine().getOut();
        o.println(what + " of " + t.id() + " written to " + out + ": " + datasets.size()
            + " datasets with define.xml; " + findings.size() + " conformance findings (conformance.txt)");
        return 0;
      }
    }
  }

  /** {@code import}. */
  @Command(name = "import", mixinStandardHelpOptions = true, description = "Import data into the trial database.",
      subcommands = ImportOdm.class)
  static final class ImportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().usage(spec.commandLine().getOut());
      return 0;
    }
  }

  /** {@code import odm}. */
  @Command(name = "odm", mixinStandardHelpOptions = true,
      description = {"Import an ODM 1.3.2 clinical-data file of this trial's protocol: lists what would change",
          "(--dry-run stops there), then saves each changed form through the same validation, edit checks",
          "and audit as typed data, with the reason for change 'ODM import of <file> (FileOID <oid>)'.",
          "A participant the database lacks is created from the file's enrolment items (screening, consent,",
          "randomization marked imported), its forms replayed change by change, signatures and queries",
          "recorded as imported; --dry-run lists them. A file of another study or protocol version, or with a",
          "participant at a site the trial lacks, is refused with the reason (exit 2), nothing written."})
  static final class ImportOdm implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption db;

    @Parameters(index = "0", paramLabel = "FILE", description = "The ODM file.")
    Path file;

    @Option(names = "--dry-run", description = "Only list what would change.")
    boolean dryRun;

    @Option(names = "--trial", paramLabel = "ID", description = "The trial (default: the default trial).")
    String trial;

    @Override
    public Integer call() {
      if (!Files.isReadable(file)) {
        throw new UserInputException("FILE: cannot read " + file);
      }
      PrintWriter o = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (OperatorSession s = OperatorSession.open(db.resolve())) {
        Trial t = trial(s, trial);
        OdmExchange x = exchange(s, t);
        OdmImport.Plan plan;
        try (InputStream in = Files.newInputStream(file)) {
          plan = x.plan(in, file.getFileName().toString());
        } catch (OdmRefusedException e) {
          err.println("refused: " + e.getMessage());
          return 2;
        } catch (IOException e) {
          throw new UserInputException("FILE: cannot read " + file + ": " + e.getMessage());
        }
        o.println("ODM file " + plan.header().fileOid() + ": " + plan.subjects() + " subjects, " + plan.unchanged()
            + " values unchanged, " + plan.changes().size() + " would change");
        plan.changes().forEach(c -> o.println("  " + c));
        x.creations().forEach(n -> o.println("  would create participant " + n));
        plan.problems().forEach(p -> err.println("left out: " + p));
        if (dryRun) {
          return plan.problems().isEmpty() ? 0 : 1;
        }
        OdmExchange.Applied a = x.apply(() -> {
          try {
            return Files.newInputStream(file);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }, file.getFileName().toString(), Actor.operator().username());
        o.println("applied: " + a.formsUpdated() + " forms updated, " + a.formsEntered() + " entered, "
            + a.participantsCreated() + " participants created (" + plan.reasonForChange() + ")");
        a.notApplied().forEach(n -> err.println("not applied: " + n));
        return a.notApplied().isEmpty() && plan.problems().isEmpty() ? 0 : 1;
      }
    }
  }
}

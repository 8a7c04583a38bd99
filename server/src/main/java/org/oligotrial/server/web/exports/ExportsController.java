package org.oligotrial.server.web.exports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.oligotrial.cdisc.model.AdminInfo;
import org.oligotrial.cdisc.model.ClinicalDataSource;
import org.oligotrial.cdisc.model.SubjectRecord;
import org.oligotrial.cdisc.stats.StatsExport;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.datacapture.endpoints.EndpointService;
import org.oligotrial.server.exchange.TrialDataSource;
import org.oligotrial.server.kernel.AccessPolicy;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.scope.CurrentTrial;
import org.oligotrial.server.scope.TrialScope;
import org.oligotrial.server.web.WebAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /exports} (and {@code /trials/{id}/exports}): the trial's data for statistics packages, for the
 * statistician and the data manager (anyone else: 403, audited), as one zip, {@code /exports/statistics.zip}:
 *
 * <ul>
 *   <li>every form as CSV ({@code {form}.csv}, {@code {form}__{group}.csv} for lesions and other repeating groups),
 *       {@code dictionary.csv}, {@code read.R} and {@code read.sas} that type and label every column
 *       ({@link StatsExport#writeForms}); the statistician's file covers every site, a data manager's their sites.
 *       The form tables carry no arm: the allocation is not a form field;
 *   <li>for the statistician only, {@code analysis.csv}, the analysis dataset, and {@code read-analysis.R} and
 *       {@code read-analysis.sas} for it. The dataset is taken from the same export as
 *       {@code GET /api/v1/analysis-dataset} ({@link EndpointService#export}: its own authorization and audit row),
 *       so whatever that export decides about the arm column (which roles see allocations before the results are
 *       released) holds here too; a data manager's zip has no analysis dataset.
 * </ul>
 *
 * The files are written to a temporary folder (deleted when the request ends) and streamed as the zip; the download
 * is audited as an export naming the tables and the number of participants.
 */
@Controller
class ExportsController {
  private final CurrentTrial trial;
  private final WebAccess access;
  private final Register register;

  ExportsController(CurrentTrial trial, WebAccess access, Register register) {
    this.trial = trial;
    this.access = access;
    this.register = register;
  }

  static boolean mayExport(Actor a) {
    return a.role() == Role.STATISTICIAN || a.role() == Role.DATA_MANAGER;
  }

  @GetMapping("/exports")
  String page(Model m) {
    Actor a = access.actor();
    access.require(mayExport(a), a, "/exports");
    m.addAttribute("analysis", AccessPolicy.canExport(a));
    m.addAttribute("allSites", AccessPolicy.readsAllSites(a));
    return "exports/index";
  }

  @GetMapping("/exports/statistics.zip")
  void statistics(HttpServletResponse response) throws IOException {
    Actor a = access.actor();
    access.require(mayExport(a), a, "/exports/statistics.zip");
    TrialScope scope = trial.scope();
    Path dir = Files.createTempDirectory("oligotrial-statistics-");
    try {
      TrialDataSource all = new TrialDataSource(register, scope.participants(), scope.dataCapture());
      ClinicalDataSource source = AccessPolicy.readsAllSites(a) ? all : sitesOf(a, all);
      int[] subjects = new int[1];
      Map<String, Integer> tables = StatsExport.writeForms(scope.trial().protocol(), counting(source, subjects),
          dir);
      String analysis = "";
      if (AccessPolicy.canExport(a)) {
        EndpointService.Dataset d = scope.dataCapture().endpoints().export(a);
        String csv = d.toCsv();
        Files.writeString(dir.resolve("analysis.csv"), csv, StandardCharsets.UTF_8);
        String header = csv.isEmpty() ? "" : csv.substring(0, Math.max(0, csv.indexOf('\n')));
        StatsExport.writeAnalysisScriptsForHeader(dir, List.of(header.split(",")));
        analysis = ", analysis dataset of " + d.rows().size() + " participants";
      }
      register.audit().recordNow(new AuditEntry(a.username(), AuditAction.EXPORT, "export", "statistics", null, null,
          "statistics zip: " + tables.size() + " form tables of " + subjects[0] + " participants" + analysis
              + (AccessPolicy.readsAllSites(a) ? "" : " (sites " + String.join(", ", a.sites().stream().sorted()
              .toList()) + ")"), null, null, scope.id()));
      response.setContentType("application/zip");
      response.setHeader("Content-Disposition", "attachment; filename=\"" + scope.id() + "-statistics.zip\"");
      try (OutputStream out = response.getOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
        for (Path f : files(dir)) {
          zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
          Files.copy(f, zip);
          zip.closeEntry();
        }
      }
    } finally {
      for (Path f : files(dir)) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    }
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted(Comparator.comparing(Path::toString)).toList();
    }
  }

  /** The participants of the actor's sites, site by site. */
  private static ClinicalDataSource sitesOf(Actor a, ClinicalDataSource all) {
    return new ClinicalDataSource() {
      @Override
      public AdminInfo admin() {
        return all.admin();
      }

      @Override
      public void forEachSubject(String siteCode, Consumer<SubjectRecord> consumer) {
        for (String site : a.sites().stream().sorted().toList()) {
          if (siteCode == null || siteCode.equals(site)) {
            all.forEachSubject(site, consumer);
          }
        }
      }
    };
  }

  private static ClinicalDataSource counting(ClinicalDataSource source, int[] count) {
    return new ClinicalDataSource() {
      @Override
      public AdminInfo admin() {
        return source.admin();
      }

      @Override
      public void forEachSubject(String siteCode, Consumer<SubjectRecord> consumer) {
        count[0] = 0;
        source.forEachSubject(siteCode, s -> {
          count[0]++;
          consumer.accept(s);
        });
      }
    };
  }

}

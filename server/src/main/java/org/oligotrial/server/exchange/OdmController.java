package org.oligotrial.server.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.oligotrial.cdisc.odm.OdmImport;
import org.oligotrial.cdisc.odm.OdmRefusedException;
import org.oligotrial.cdisc.schema.CdiscSchemas;
import org.oligotrial.server.audit.AccessDenials;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.BadInputException;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.scope.CurrentTrial;
import org.oligotrial.server.scope.TrialScope;
import org.oligotrial.server.security.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trial's clinical data as CDISC ODM 1.3.2, out and in. Both paths serve the trial the request addresses:
 * {@code /api/v1/odm} the default trial, {@code /api/v1/trials/{trialId}/odm} that trial (see
 * {@code security.TrialPaths}).
 *
 * <p>{@code GET}: the ODM file ({@code application/xml}), written straight to the response one participant at a
 * time. For statisticians (every site) and data managers (their sites: {@code ?site=} one of them, or all when they
 * hold every site of the trial); anyone else is refused with 403, and the refusal is audited. The export is audited
 * naming the file's {@code FileOID}.
 *
 * <p>{@code POST}: imports an ODM clinical-data file sent as the request body, for data managers (anyone else: 403,
 * audited), covering the participants of their sites. The body is streamed to a temporary file (never held in
 * memory; deleted when the request ends), validated against the ODM 1.3.2 schema without vendor extensions
 * ({@link CdiscSchemas#validateOdmWithoutExtensions}: 400 naming the lines), and planned ({@link OdmExchange#plan}:
 * a file for another study or protocol version is 422 with the reason). {@code ?dryRun=true} answers the plan;
 * otherwise the plan is applied through the form service ({@link OdmExchange#apply}) and the answer holds both.
 * {@code ?fileName=} names the file in the reason for change (default {@value #UPLOAD}).
 */
@RestController
@Tag(name = "export")
public class OdmController {
  static final String UPLOAD = "upload.xml";
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._() -]{1,120}");
  /** Schema problems listed in a refusal (the rest are counted). */
  static final int LISTED = 10;

  private final Register register;
  private final CurrentTrial trial;
  private final CurrentActor actor;
  private final Clock clock;

  OdmController(Register register, CurrentTrial trial, CurrentActor actor, Clock clock) {
    this.register = register;
    this.trial = trial;
    this.actor = actor;
    this.clock = clock;
  }

  @GetMapping(value = "/api/v1/odm", produces = "application/xml")
  @Operation(summary = "The trial's clinical data as CDISC ODM 1.3.2 (statistician, data manager); audited")
  public void odm(@RequestParam(defaultValue = "false") boolean transactional,
      @RequestParam(required = false) String site, HttpServletResponse response) throws IOException {
    TrialScope scope = trial.scope();
    Actor a = actor.get();
    String only = siteFor(scope, a, site);
    OdmExchange x = new OdmExchange(register, scope.participants(), scope.dataCapture());
    response.setContentType("application/xml;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + scope.id() + (only == null ? "" : "-"
        + only) + (transactional ? "-transactional" : "") + ".odm.xml\"");
    try (OutputStream out = response.getOutputStream()) {
      x.export(a, transactional, only, clock.instant(), out);
    }
  }

  /**
   * One value the import would change.
   *
   * @param subject the participant id
   * @param newSubject whether the database does not hold the participant
   * @param form the form type
   * @param formKey the form's key (the server's form id when exported here)
   * @param group the item group ({@code main} or a structured field)
   * @param row the group's row
   * @param field the field
   * @param action {@code INSERT}, {@code UPDATE} or {@code REMOVE}
   * @param before the database's value, or null
   * @param after the file's value, or null
   */
  public record ChangeView(String subject, boolean newSubject, String form, String formKey, String group, int row,
      String field, String action, String before, String after) {}

  /**
   * What the import applied.
   *
   * @param formsUpdated forms changed, each with the reason for change
   * @param formsEntered forms the participants did not have yet
   * @param notApplied forms or participants not applied, with the reason
   * @param participantsCreated participants the database did not hold, created from the file
   */
  public record AppliedView(int formsUpdated, int formsEntered, List<String> notApplied, int participantsCreated) {}

  /**
   * The answer to an import.
   *
   * @param fileOid the file's {@code FileOID}
   * @param fileType {@code Snapshot} or {@code Transactional}
   * @param reasonForChange the reason every applied change carries
   * @param subjects subjects in the file
   * @param unchanged values equal to the database's
   * @param changes what would change (the dry run) or was planned (the real run)
   * @param problems values or participants left out, each naming its line when known
   * @param applied what was applied; null for a dry run
   * @param participantsToCreate the participants the database does not hold that the import creates (id, site,
   *     screening number, arm, forms)
   */
  public record OdmImportView(String fileOid, String fileType, String reasonForChange, int subjects, int unchanged,
      List<ChangeView> changes, List<String> problems, AppliedView applied, List<String> participantsToCreate) {}

  @PostMapping(value = "/api/v1/odm", produces = "application/json")
  @Operation(summary = "Import an ODM 1.3.2 clinical-data file (data manager): ?dryRun=true returns the plan; "
      + "otherwise every change is applied through the form service; audited")
  public OdmImportView importOdm(@RequestParam(defaultValue = "false") boolean dryRun,
      @RequestParam(defaultValue = UPLOAD) String fileName, HttpServletRequest request) throws IOException {
    TrialScope scope = trial.scope();
    Actor a = actor.get();
    if (a.role() != Role.DATA_MANAGER) {
      throw new AccessDenials(register.audit()).refuse(a, "import", "odm", null, "import clinical data (ODM)");
    }
    if (!FILE_NAME.matcher(fileName).matches()) {
      throw new BadInputException("fileName", "a file name of 1-120 letters, digits, spaces, '.', '_', '-', '('"
          + " and ')'");
    }
    Path file = Files.createTempFile("oligotrial-odm-", ".xml");
    try {
      try (InputStream body = request.getInputStream()) {
        Files.copy(body, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      if (Files.size(file) == 0) {
        throw new BadInputException("file", "the request body is empty: send the ODM file as the body");
      }
      List<String> invalid;
      try (InputStream in = read(file)) {
        invalid = CdiscSchemas.validateOdmWithoutExtensions(in);
      }
      if (!invalid.isEmpty()) {
        throw new BadInputException("file", "not a valid ODM 1.3.2 file: " + String.join("; ",
            invalid.subList(0, Math.min(LISTED, invalid.size())))
            + (invalid.size() > LISTED ? "; and " + (invalid.size() - LISTED) + " more" : ""));
      }
      OdmExchange x = new OdmExchange(register, scope.participants(), scope.dataCapture());
      try {
        if (dryRun) {
          try (InputStream in = read(file)) {
            return view(x.plan(in, fileName, a.sites()), null, x.creations());
          }
        }
        OdmExchange.Applied done = x.apply(() -> read(file), fileName, a);
        return view(done.plan(), new AppliedView(done.formsUpdated(), done.formsEntered(), done.notApplied(),
            done.participantsCreated()), x.creations());
      } catch (OdmRefusedException e) {
        throw new InvalidFieldException("file", e.getMessage());
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static InputStream read(Path file) {
    try {
      return new BufferedInputStream(Files.newInputStream(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static OdmImportView view(OdmImport.Plan p, AppliedView applied, List<OdmExchange.NewSubject> created) {
    List<ChangeView> changes = p.changes().stream().map(c -> new ChangeView(c.subjectKey(), c.newSubject(),
        c.ref().formType(), c.ref().formKey(), c.ref().groupId(), c.ref().groupRepeat(), c.ref().fieldId(),
        c.action().name(), c.before(), c.after())).toList();
    return new OdmImportView(p.header().fileOid(), p.header().fileType(), p.reasonForChange(), p.subjects(),
        p.unchanged(), changes, p.problems().stream().map(Object::toString).toList(), applied,
        created.stream().map(Object::toString).toList());
  }

  /** The site the actor's file covers (null: every site), refusing (403, audited) whoever may not export. */
  private String siteFor(TrialScope scope, Actor a, String site) {
    List<String> sites = register.trials().sites(scope.id());
    if (site != null && !sites.contains(site)) {
      throw new BadInputException("site", "site " + site + " does not take part in trial " + scope.id());
    }
    if (a.role() == Role.STATISTICIAN) {
      return site;
    }
    AccessDenials denials = new AccessDenials(register.audit());
    if (a.role() != Role.DATA_MANAGER) {
      throw denials.refuse(a, "export", "odm", site, "export clinical data (ODM)");
    }
    if (site != null) {
      if (!a.sites().contains(site)) {
        throw denials.refuse(a, "export", "odm", site, "export clinical data of site " + site);
      }
      return site;
    }
    if (a.sites().containsAll(Set.copyOf(sites))) {
      return null;
    }
    if (a.sites().size() == 1) {
      return a.sites().iterator().next();
    }
    throw new BadInputException("site", "name one of your sites " + a.sites().stream().sorted().toList()
        + " (?site=)");
  }
}

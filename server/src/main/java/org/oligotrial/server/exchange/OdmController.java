package org.oligotrial.server.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.oligotrial.server.audit.AccessDenials;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.BadInputException;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.scope.TrialScope;
import org.oligotrial.server.scope.TrialScopes;
import org.oligotrial.server.security.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/odm} (the default trial) and {@code GET /api/v1/trials/{trialId}/odm}: the trial's clinical
 * data as an ODM 1.3.2 file ({@code application/xml}), written straight to the response one participant at a time.
 * For statisticians (every site) and data managers (their sites: {@code ?site=} one of them, or all when they hold
 * every site of the trial); anyone else is refused with 403, and the refusal is audited. The export is audited
 * naming the file's {@code FileOID}.
 */
@RestController
@Tag(name = "export")
public class OdmController {
  private final Register register;
  private final TrialScopes scopes;
  private final CurrentActor actor;
  private final Clock clock;

  OdmController(Register register, TrialScopes scopes, CurrentActor actor, Clock clock) {
    this.register = register;
    this.scopes = scopes;
    this.actor = actor;
    this.clock = clock;
  }

  @GetMapping(value = "/api/v1/odm", produces = "application/xml")
  @Operation(summary = "The default trial's clinical data as CDISC ODM 1.3.2 (statistician, data manager); audited")
  public void odm(@RequestParam(defaultValue = "false") boolean transactional,
      @RequestParam(required = false) String site, HttpServletResponse response) throws IOException {
    write(scopes.defaultScope(), actor.get(), transactional, site, response);
  }

  @GetMapping(value = "/api/v1/trials/{trialId}/odm", produces = "application/xml")
  @Operation(summary = "A trial's clinical data as CDISC ODM 1.3.2 (statistician, data manager); audited")
  public void odmOfTrial(@PathVariable String trialId, @RequestParam(defaultValue = "false") boolean transactional,
      @RequestParam(required = false) String site, HttpServletResponse response) throws IOException {
    TrialScope scope = scopes.of(trialId);
    write(scope, actor.on(scope.id()), transactional, site, response);
  }

  private void write(TrialScope scope, Actor a, boolean transactional, String site, HttpServletResponse response)
      throws IOException {
    String only = siteFor(scope, a, site);
    OdmExchange x = new OdmExchange(register, scope.participants(), scope.dataCapture());
    response.setContentType("application/xml;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + scope.id() + (only == null ? "" : "-"
        + only) + (transactional ? "-transactional" : "") + ".odm.xml\"");
    try (OutputStream out = response.getOutputStream()) {
      x.export(a, transactional, only, clock.instant(), out);
    }
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

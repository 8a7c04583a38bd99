package org.oligotrial.server.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.List;
import org.oligotrial.server.api.ApiModels.Me;
import org.oligotrial.server.api.ApiModels.NewSite;
import org.oligotrial.server.api.ApiModels.NewToken;
import org.oligotrial.server.api.ApiModels.SiteTimeZone;
import org.oligotrial.server.api.ApiModels.SiteView;
import org.oligotrial.server.api.ApiModels.TokenInfoView;
import org.oligotrial.server.api.ApiModels.TokenView;
import org.oligotrial.server.api.ApiModels.VerificationView;
import org.oligotrial.server.audit.AuditKeys;
import org.oligotrial.server.audit.AuditVerifier;
import org.oligotrial.server.audit.CheckpointLog;
import org.oligotrial.server.kernel.AccessPolicy;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.SiteAccessDeniedException;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.security.CurrentActor;
import org.oligotrial.server.user.ApiTokenService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's account and tokens, sites, and the audit trail check. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "account and administration")
public class AccountController {
  private final Register register;
  private final ApiTokenService tokens;
  private final CurrentActor actor;
  private final CheckpointLog checkpoints;

  AccountController(Register register, ApiTokenService tokens, CurrentActor actor, CheckpointLog checkpoints) {
    this.register = register;
    this.checkpoints = checkpoints;
    this.tokens = tokens;
    this.actor = actor;
  }

  @GetMapping("/me")
  @Operation(summary = "Who the caller is: username, role, sites")
  public Me me() {
    Actor a = actor.get();
    return new Me(a.username(), a.role().name(), a.sites().stream().sorted().toList());
  }

  @PostMapping("/tokens")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a personal API token (shown once; stored hashed); default validity 90 days; a request"
      + " authenticated by a token cannot create one that outlives it (422 naming validDays)")
  public TokenView token(@Valid @RequestBody NewToken body) {
    int days = body.validDays() == null ? 90 : body.validDays();
    var t = tokens.create(actor.get(), body.label(), Duration.ofDays(days), actor.tokenExpiry());
    return new TokenView(t.id(), t.token(), t.expiresAt());
  }

  @GetMapping("/tokens")
  @Operation(summary = "The caller's own API tokens, newest first (identifiers, labels, dates; never the secrets)")
  public List<TokenInfoView> tokens() {
    return tokens.list(actor.get()).stream()
        .map(t -> new TokenInfoView(t.id(), t.label(), t.createdAt(), t.expiresAt(), t.revoked()))
        .toList();
  }

  @DeleteMapping("/tokens/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Revoke an API token (its owner or an administrator); audited, optional reason")
  public void revoke(@PathVariable String id, @RequestParam(required = false) String reason) {
    tokens.revoke(actor.get(), id, reason);
  }

  @GetMapping("/sites")
  @Operation(summary = "Every site")
  public List<SiteView> sites() {
    actor.get();
    return register.sites().list().stream().map(AccountController::view).toList();
  }

  @PostMapping("/sites")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a site (administrator); timeZone is its IANA time zone, UTC when left out")
  public SiteView addSite(@Valid @RequestBody NewSite body) {
    if (body.timeZone() != null && !body.timeZone().isBlank()) {
      zone(body.timeZone());
    }
    return view(register.sites().add(actor.get(), body.code(), body.name(), body.timeZone()));
  }

  @PutMapping("/sites/{code}/time-zone")
  @Operation(summary = "Set a site's IANA time zone (administrator; audited with the reason)", description = "The"
      + " serious adverse event clocks of the site read its local awareness and report times in this zone. An"
      + " unknown zone or a fixed offset is refused (400, field timeZone).")
  public SiteView setSiteTimeZone(@PathVariable String code, @Valid @RequestBody SiteTimeZone body) {
    zone(body.timeZone());
    return view(register.sites().setTimeZone(actor.get(), code, body.timeZone(), body.reason()));
  }

  /** A zone that is no IANA region id is a malformed request: 400 naming {@code timeZone}. */
  private static void zone(String timeZone) {
    try {
      org.oligotrial.server.site.SiteService.zone(timeZone);
    } catch (org.oligotrial.server.kernel.InvalidFieldException e) {
      throw new org.oligotrial.server.kernel.BadInputException("timeZone", e.detail());
    }
  }

  private static SiteView view(org.oligotrial.server.site.Site s) {
    return new SiteView(s.code(), s.name(), s.timeZone().getId());
  }

  @GetMapping("/audit/verify")
  @Operation(summary = "Verify the audit trail as 'audit verify' does (administrator, monitor)", description = "Checks"
      + " the hash chain, then the rows against the newest signed checkpoint in the checkpoint log (signatures, the"
      + " Merkle root, each row's content digest): every row rewritten, inserted, deleted, reordered or cut off is"
      + " named by sequence number, even when the chain was re-hashed to match. Rows after the newest checkpoint are"
      + " counted in notYetWitnessed, never as verified; intact is false whenever a problem is found.")
  public VerificationView verify() {
    Actor a = actor.get();
    if (!AccessPolicy.canManage(a) && a.role() != org.oligotrial.server.kernel.Role.MONITOR) {
      throw new SiteAccessDeniedException("only an administrator or a monitor verifies the audit trail");
    }
    AuditKeys keys = register.audit().keys();
    AuditVerifier.Verification v = register.verifier().verify(
        new AuditVerifier.Witness(checkpoints, keys.publicKey(), keys));
    return new VerificationView(v.intact(), v.rowsChecked(), v.problemCount(), v.problems(),
        v.checkpoint(), v.witnessedRows(), v.notYetWitnessed(), v.notes());
  }
}

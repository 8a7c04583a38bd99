package org.oligotrial.server.scope;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.oligotrial.randomization.ProtocolRandomization;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.randomization.RandomizationService;
import org.oligotrial.server.kernel.RecordNotFoundException;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.trial.ProtocolVersion;
import org.oligotrial.server.trial.Trial;
import org.oligotrial.server.trial.TrialRegistry;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.user.UserService;

/**
 * The services of each trial ({@link TrialScope}), made on first use and kept while the trial's current protocol
 * version stays the same: once an amendment becomes current, the next call makes the trial's scope anew under it
 * (screenings follow the current version at once, see {@code TrialScreeningEvaluator}; forms, visits, edit checks and
 * randomization from the new scope on). The default trial's scope as the application started is the one whose
 * services are also the Spring beans of the single-trial paths.
 *
 * <p>How a web page or API call of trial {@code id} takes its services: {@code TrialScope s = scopes.of(id)} (404
 * for a trial the server does not hold), {@code Actor a = currentActor.on(id)} (403 for a user with no role on it),
 * then {@code s.participants().list(a, ...)}, {@code s.randomization().randomize(a, ...)}, {@code
 * s.dataCapture().forms()...}. Thread-safe.
 */
public final class TrialScopes {
  private final Register register;
  private final Clock clock;
  private final String defaultMethod;
  private final ConcurrentMap<String, TrialScope> scopes = new ConcurrentHashMap<>();

  /**
   * @param defaultScope the default trial's scope made from the application's beans, or null to make it here
   * @param defaultMethod the randomization method configured for the default trial ({@code
   *     oligotrial.randomization.method}), blank for the protocol's primary one; other trials use their protocol's
   *     primary method
   */
  public TrialScopes(Register register, Clock clock, String defaultMethod, TrialScope defaultScope) {
    this.register = register;
    this.clock = clock;
    this.defaultMethod = defaultMethod == null ? "" : defaultMethod;
    if (defaultScope != null) {
      scopes.put(defaultScope.id(), defaultScope);
    }
  }

  /** The trials the server holds (the default first). */
  public TrialRegistry trials() {
    return register.trials();
  }

  /**
   * The trial's services under its current protocol version.
   *
   * @throws RecordNotFoundException (404) when the server holds no such trial
   */
  public TrialScope of(String trialId) {
    Trial trial = register.trials().get(trialId);
    TrialScope s = scopes.get(trialId);
    if (s != null && s.trial().current().sha256().equals(trial.current().sha256())) {
      return s;
    }
    return scopes.compute(trialId, (id, old) -> old != null
        && old.trial().current().sha256().equals(trial.current().sha256()) ? old : make(trial));
  }

  /** The default trial's services (the single-trial paths). */
  public TrialScope defaultScope() {
    return of(register.trials().defaultId());
  }

  /**
   * The trials the actor may open, for a trial picker: every trial for an administrator, else those where the user
   * holds a role (the default first).
   */
  public List<Trial> visibleTo(Actor actor, UserService users) {
    List<Trial> all = register.trials().list();
    if (actor.role() == Role.ADMINISTRATOR) {
      return all;
    }
    List<String> mine = users.memberships(actor.username()).stream().map(UserService.Membership::trialId).toList();
    return all.stream().filter(t -> mine.contains(t.id())).toList();
  }

  /** Whether the server holds the trial. */
  public Optional<Trial> find(String trialId) {
    return register.trials().find(trialId);
  }

  /**
   * Which protocol versions the trial's data span: those of its screening results and of its forms. Two statements
   * plus the trial's versions. For the line a report or export prints under its title ({@link
   * VersionsSpanned#summary}).
   */
  public VersionsSpanned versionsSpanned(String trialId) {
    TrialScope s = of(trialId);
    List<ProtocolVersion> versions = register.trials().versions(trialId);
    TreeMap<Integer, ProtocolVersion> screenings = new TreeMap<>();
    List<String> unmatched = new ArrayList<>();
    for (String tag : s.participants().screeningProtocolVersions()) {
      Optional<ProtocolVersion> v = versions.stream().filter(x -> x.screeningTag().equals(tag)).findFirst();
      if (v.isPresent()) {
        screenings.put(v.get().version(), v.get());
      } else {
        unmatched.add(tag);
      }
    }
    TreeMap<Integer, ProtocolVersion> forms = new TreeMap<>();
    for (int n : s.dataCapture().forms().protocolVersionsUsed()) {
      versions.stream().filter(x -> x.version() == n).findFirst().ifPresent(v -> forms.put(n, v));
    }
    TreeMap<Integer, ProtocolVersion> all = new TreeMap<>(screenings);
    all.putAll(forms);
    return new VersionsSpanned(trialId, List.copyOf(screenings.values()), List.copyOf(forms.values()),
        List.copyOf(all.values()), List.copyOf(unmatched));
  }

  private TrialScope make(Trial trial) {
    boolean isDefault = trial.isDefault();
    var protocol = trial.protocol();
    var scheme = isDefault && !defaultMethod.isBlank()
        ? ProtocolRandomization.scheme(protocol, defaultMethod) : ProtocolRandomization.scheme(protocol);
    RandomizationService randomization = RandomizationService.on(register, protocol, scheme, clock);
    DataCapture dc = DataCapture.on(register, protocol, trial.current().version(), clock);
    return new TrialScope(trial, register.participants(trial.id()), randomization, dc);
  }
}

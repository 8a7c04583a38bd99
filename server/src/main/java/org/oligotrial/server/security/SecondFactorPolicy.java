package org.oligotrial.server.security;

import java.util.EnumSet;
import java.util.Set;
import org.oligotrial.server.kernel.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which roles must sign in with a second factor: {@code oligotrial.security.totp-required-roles}, a comma-separated
 * list of roles ({@code administrator,investigator}); empty by default (the second factor is then optional for
 * everyone). An unknown role name stops the server at start-up.
 */
@Component
public class SecondFactorPolicy {
  private final Set<Role> required;

  SecondFactorPolicy(@Value("${oligotrial.security.totp-required-roles:}") String roles) {
    Set<Role> r = EnumSet.noneOf(Role.class);
    for (String name : roles.split(",")) {
      if (name.isBlank()) {
        continue;
      }
      Role role = Role.parse(name);
      if (role == null) {
        throw new IllegalArgumentException("oligotrial.security.totp-required-roles: no role " + name.strip());
      }
      r.add(role);
    }
    this.required = Set.copyOf(r);
  }

  /** Whether any role must have a second factor (when none does, nothing needs checking per request). */
  public boolean any() {
    return !required.isEmpty();
  }

  /** Whether users with this role must have a second factor. */
  public boolean required(Role role) {
    return required.contains(role);
  }
}

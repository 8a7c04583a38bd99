package org.oligotrial.server.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.oligotrial.server.testing.TestRegisters;

/** The register's behaviour on embedded H2. */
class RegisterOnH2Test extends RegisterContract {
  @Override
  String openDatabase() {
    return TestRegisters.freshH2Url();
  }

  @Override
  void tamper(String... sql) {
    reg.jdbc().sql("DROP TRIGGER IF EXISTS audit_event_no_update").update();
    reg.jdbc().sql("DROP TRIGGER IF EXISTS audit_event_no_delete").update();
    for (String s : sql) {
      reg.jdbc().sql(s).update();
    }
  }

  @Test
  void thereIsNothingToVacuumOnH2() {
    assertThat(reg.audit().vacuumPending()).isFalse();
  }

  @Override
  void closeDatabase() {}
}

package org.oligotrial.server.trial;

import org.oligotrial.server.testing.TestRegisters;

/** Migration V60 from a V58 database with rows, on H2. */
class TrialsMigrationOnH2Test extends TrialsMigrationContract {
  @Override
  String openDatabase() {
    return TestRegisters.freshH2Url();
  }

  @Override
  void closeDatabase() {}
}

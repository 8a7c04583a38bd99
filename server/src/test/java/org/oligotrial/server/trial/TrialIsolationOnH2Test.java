package org.oligotrial.server.trial;

import org.oligotrial.server.testing.TestRegisters;

/** Two trials side by side on H2. */
class TrialIsolationOnH2Test extends TrialIsolationContract {
  @Override
  String openDatabase() {
    return TestRegisters.freshH2Url();
  }

  @Override
  void closeDatabase() {}
}

package org.oligotrial.server.monitoring;

import org.oligotrial.server.testing.TestRegisters;

/** Interim looks on embedded H2. */
class InterimLooksOnH2Test extends InterimLooksContract {
  @Override
  String openDatabase() {
    return TestRegisters.freshH2Url();
  }

  @Override
  void closeDatabase() {}
}

package org.oligotrial.server.randomization;

import org.oligotrial.server.testing.TestRegisters;

/** Randomization on H2 (in memory, the server's default engine). */
class RandomizationOnH2Test extends RandomizationContract {
  @Override
  String openDatabase() {
    return TestRegisters.freshH2Url();
  }

  @Override
  void closeDatabase() {}
}

package org.oligotrial.server.datacapture.state;

import org.oligotrial.server.testing.TestRegisters;

/** Dates, statuses, CONSORT and re-derivation on embedded H2. */
class ClinicalStateOnH2Test extends ClinicalStateContract {
  @Override
  protected String openDatabase() {
    return TestRegisters.freshH2Url();
  }

  @Override
  protected void closeDatabase() {}
}

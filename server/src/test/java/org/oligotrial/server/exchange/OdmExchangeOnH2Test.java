package org.oligotrial.server.exchange;

import org.oligotrial.server.testing.TestRegisters;

/** The ODM exchange on embedded H2. */
class OdmExchangeOnH2Test extends OdmExchangeContract {
  @Override
  String openDatabase() {
    return TestRegisters.freshH2Url();
  }

  @Override
  void closeDatabase() {}
}

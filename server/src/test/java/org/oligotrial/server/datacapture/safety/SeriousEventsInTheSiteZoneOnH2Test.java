package org.oligotrial.server.datacapture.safety;

import org.oligotrial.server.testing.TestRegisters;

/** The SAE clock in the sites' time zones on embedded H2. */
class SeriousEventsInTheSiteZoneOnH2Test extends SeriousEventsInTheSiteZoneContract {
  @Override
  String openDatabase() {
    return TestRegisters.freshH2Url();
  }

  @Override
  void closeDatabase() {}
}

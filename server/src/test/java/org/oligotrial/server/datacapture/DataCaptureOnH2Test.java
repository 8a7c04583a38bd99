package org.oligotrial.server.datacapture;

import org.oligotrial.server.testing.TestRegisters;

/** Data capture on embedded H2. */
class DataCaptureOnH2Test extends DataCaptureContract {
  @Override
  String openDatabase() {
    return TestRegisters.freshH2Url();
  }

  @Override
  void closeDatabase() {}
}

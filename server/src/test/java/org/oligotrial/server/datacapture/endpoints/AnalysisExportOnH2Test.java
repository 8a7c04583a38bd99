package org.oligotrial.server.datacapture.endpoints;

import org.oligotrial.server.testing.TestRegisters;

/** The analysis-dataset export on embedded H2. */
class AnalysisExportOnH2Test extends AnalysisExportContract {
  @Override
  String openDatabase() {
    return TestRegisters.freshH2Url();
  }

  @Override
  void closeDatabase() {}
}

package org.oligotrial.server.datacapture.review;

import org.oligotrial.server.testing.TestRegisters;

/** Data review on embedded H2. */
class DataReviewOnH2Test extends DataReviewContract {
  @Override
  String openDatabase() {
    return TestRegisters.freshH2Url();
  }

  @Override
  void closeDatabase() {}
}

package org.oligotrial.server.web;

import org.oligotrial.server.ServerApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** {@link TwoTrialsBrowserContract} on H2. */
@SpringBootTest(
    classes = ServerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:twotrialsbrowser;DB_CLOSE_DELAY=-1",
      "oligotrial.security.bcrypt-cost=4",
      "logging.level.root=warn"
    })
class TwoTrialsBrowserOnH2Test extends TwoTrialsBrowserContract {}

package org.oligotrial.server.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** A token cannot mint a token that outlives it; a password sign-in can mint up to the maximum. */
class TokenMintingTest extends ApiTestBase {
  @Test
  void aTokenMintsOnlyTokensThatExpireBeforeIt() throws Exception {
    String tenDays = register.tokens().create(actor("mon.a"), "ten days", Duration.ofDays(10)).token();
    mvc.perform(post("/api/v1/tokens").header("Authorization", "Bearer " + tenDays)
            .contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"child\",\"validDays\":365}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.field").value("validDays"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("outlives it")));
    // the default (90 days) is longer than ten days too
    mvc.perform(post("/api/v1/tokens").header("Authorization", "Bearer " + tenDays)
            .contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"child\"}"))
        .andExpect(status().isUnprocessableContent());
    mvc.perform(post("/api/v1/tokens").header("Authorization", "Bearer " + tenDays)
            .contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"child\",\"validDays\":9}"))
        .andExpect(status().isCreated());
    mvc.perform(post("/api/v1/tokens").with(as("mon.a"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"by password\",\"validDays\":365}"))
        .andExpect(status().isCreated());
  }
}

package org.oligotrial.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.oligotrial.server.testing.ScriptedEvaluator;
import org.springframework.http.MediaType;

/** A changing request that accepts no JSON is refused with 406 before it changes anything. */
class AcceptBeforeWriteTest extends ApiTestBase {
  @Test
  void aRegistrationAskingForHtmlIsRefusedAndNothingIsStored() throws Exception {
    long before = register.jdbc().sql("SELECT COUNT(*) FROM participant").query(Long.class).single();
    String body = "{\"siteCode\":\"A\",\"screeningNumber\":\"ACC-1\",\"screeningRecord\":"
        + ScriptedEvaluator.record("ELIGIBLE") + "}";
    mvc.perform(post("/api/v1/participants").with(as("coord.a")).contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.TEXT_HTML).content(body))
        .andExpect(status().isNotAcceptable());
    assertThat(register.jdbc().sql("SELECT COUNT(*) FROM participant").query(Long.class).single()).isEqualTo(before);
    mvc.perform(post("/api/v1/participants").with(as("coord.a")).contentType(MediaType.APPLICATION_JSON)
            .header("Accept", "text/html, application/*;q=0.5").content(body))
        .andExpect(status().isCreated());
    String id = register.jdbc().sql("SELECT id FROM participant WHERE screening_number = 'ACC-1'")
        .query(String.class).single();
    mvc.perform(put("/api/v1/participants/" + id + "/consent").with(as("coord.a"))
            .contentType(MediaType.APPLICATION_JSON).accept("text/csv")
            .content("{\"formVersion\":\"v1\",\"date\":\"2026-01-05\",\"obtainedBy\":\"Dr Li\"}"))
        .andExpect(status().isNotAcceptable());
    assertThat(register.participants().history(actor("coord.a"), id).participant().status().name())
        .isEqualTo("ELIGIBLE");
  }
}

package org.oligotrial.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.serve.RequestAdmission;
import org.oligotrial.server.serve.ResponseBuffering;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The API's admission queue and response buffer: on every API path, ahead of security; one place fewer than pooled
 * connections (the audit chainer holds one).
 */
class RequestAdmissionWiringTest extends ApiTestBase {
  @Autowired FilterRegistrationBean<RequestAdmission> admission;
  @Autowired FilterRegistrationBean<ResponseBuffering> buffering;
  @Autowired DataSource dataSource;

  @Test
  void admitsOneApiRequestFewerThanThePoolHasConnectionsAheadOfEveryOtherFilter() {
    assertThat(admission.isEnabled()).isTrue();
    assertThat(admission.getUrlPatterns()).containsExactly("/api/*");
    assertThat(admission.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
    // application.properties: spring.datasource.hikari.maximum-pool-size=6
    assertThat(((HikariDataSource) dataSource).getMaximumPoolSize()).isEqualTo(6);
    assertThat(admission.getFilter().limit()).isEqualTo(5);
  }

  @Test
  void apiResponsesGetA32KiBBuffer() throws Exception {
    assertThat(buffering.getUrlPatterns()).containsExactly("/api/*");
    assertThat(buffering.getOrder()).isLessThan(-100); // ahead of Spring Security's filter chain
    MockHttpServletResponse res = mvc.perform(get("/api/v1/me").with(as("coord.a"))).andReturn().getResponse();
    assertThat(res.getStatus()).isEqualTo(200);
    assertThat(res.getBufferSize()).isEqualTo(32 * 1024);
  }
}

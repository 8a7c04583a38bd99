package org.oligotrial.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.serve.RequestAdmission;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

/** The API's admission queue: on every API path, ahead of security, as many places as pooled connections. */
class RequestAdmissionWiringTest extends ApiTestBase {
  @Autowired FilterRegistrationBean<RequestAdmission> admission;
  @Autowired DataSource dataSource;

  @Test
  void admitsAsManyApiRequestsAsThePoolHasConnectionsAheadOfEveryOtherFilter() {
    assertThat(admission.isEnabled()).isTrue();
    assertThat(admission.getUrlPatterns()).containsExactly("/api/*");
    assertThat(admission.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
    // application.properties: spring.datasource.hikari.maximum-pool-size=6
    assertThat(((HikariDataSource) dataSource).getMaximumPoolSize()).isEqualTo(6);
    assertThat(admission.getFilter().limit()).isEqualTo(6);
  }
}

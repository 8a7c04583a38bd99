package org.oligotrial.server.serve;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Admission of API requests ({@link RequestAdmission}), in front of everything else on {@code /api/*}. By default
 * as many API requests run at once as the connection pool has connections ({@code oligotrial.api.max-concurrent},
 * 0 = no limit); a request waits at most {@code oligotrial.api.max-wait-ms} (10 s) for its turn. The web pages are
 * not limited.
 */
@Configuration(proxyBeanMethods = false)
public class AdmissionConfiguration {
  @Bean
  FilterRegistrationBean<RequestAdmission> requestAdmission(
      @Value("${oligotrial.api.max-concurrent:${spring.datasource.hikari.maximum-pool-size:10}}") int limit,
      @Value("${oligotrial.api.max-wait-ms:10000}") long maxWaitMillis) {
    FilterRegistrationBean<RequestAdmission> bean =
        new FilterRegistrationBean<>(new RequestAdmission(Math.max(limit, 1), maxWaitMillis));
    bean.addUrlPatterns("/api/*");
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
    bean.setEnabled(limit > 0);
    return bean;
  }
}

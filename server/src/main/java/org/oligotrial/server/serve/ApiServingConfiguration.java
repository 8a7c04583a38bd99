package org.oligotrial.server.serve;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * How API requests are served, ahead of everything else on {@code /api/*} (the web pages are not affected).
 *
 * <ul>
 *   <li>Admission ({@link RequestAdmission}): by default one API request fewer runs at once than the connection
 *       pool has connections ({@code oligotrial.api.max-concurrent}; 0 = no limit), so that every admitted request
 *       finds a free connection while the background audit chainer holds one; a request waits at most
 *       {@code oligotrial.api.max-wait-ms} (10 s) for its turn. With as many requests as connections, a request
 *       handing back its connection found the chainer waiting and spun (9 {@code sched_yield} calls and 5 more
 *       context switches per registration, docs/benchmarks.md).
 *   <li>Request size ({@link RequestSizeLimit}, every path): a body over {@code oligotrial.max-request-bytes} (8 MiB)
 *       is refused with 413 before it is read.
 *   <li>Response buffer ({@link ResponseBuffering}): {@code oligotrial.api.response-buffer-bytes} (32 KiB), and the
 *       connector's socket write buffer as large (all responses; it was 8 KiB).
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class ApiServingConfiguration {
  private static final String RESPONSE_BUFFER_BYTES = "${oligotrial.api.response-buffer-bytes:32768}";

  @Bean
  FilterRegistrationBean<RequestAdmission> requestAdmission(
      @Value("${oligotrial.api.max-concurrent:-1}") int limit,
      @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize,
      @Value("${oligotrial.api.max-wait-ms:10000}") long maxWaitMillis) {
    int places = limit < 0 ? Math.max(1, poolSize - 1) : Math.max(1, limit);
    FilterRegistrationBean<RequestAdmission> bean =
        new FilterRegistrationBean<>(new RequestAdmission(places, maxWaitMillis));
    bean.addUrlPatterns("/api/*");
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
    bean.setEnabled(limit != 0);
    return bean;
  }

  /**
   * The request body limit on every path ({@code oligotrial.max-request-bytes}, 8 MiB), ahead of security so that an
   * oversized body is refused before anything reads it.
   */
  @Bean
  FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
      @Value("${oligotrial.max-request-bytes:8388608}") long maxBytes) {
    FilterRegistrationBean<RequestSizeLimit> bean = new FilterRegistrationBean<>(new RequestSizeLimit(maxBytes));
    bean.addUrlPatterns("/*");
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return bean;
  }

  /** The connector's socket write buffer as large as the response buffer, so a buffered response is one write. */
  @Bean
  TomcatConnectorCustomizer socketWriteBuffer(@Value(RESPONSE_BUFFER_BYTES) int bytes) {
    return connector -> connector.setProperty("socket.appWriteBufSize", Integer.toString(Math.max(bytes, 8192)));
  }

  @Bean
  FilterRegistrationBean<ResponseBuffering> responseBuffering(@Value(RESPONSE_BUFFER_BYTES) int bytes) {
    FilterRegistrationBean<ResponseBuffering> bean = new FilterRegistrationBean<>(new ResponseBuffering(bytes));
    bean.addUrlPatterns("/api/*");
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return bean;
  }
}

package org.oligotrial.server.register;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.oligotrial.server.user.AccountChangeListener;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * In the server on PostgreSQL: listens for changes to API tokens, users and their sites, which lets the register
 * cache checked API tokens ({@link org.oligotrial.server.user.TokenCache}; one database round trip fewer per API
 * request). The listener holds a connection of its own, outside the pool. Off on other databases (there are no
 * notifications to keep a cache honest, so every token is checked against the database) and with {@code
 * oligotrial.api.token-cache=false}.
 */
@Component
class AccountChangeListening implements ApplicationRunner, DisposableBean {
  private final Register register;
  private final DataSource ds;
  private final boolean wanted;
  private AccountChangeListener listener;

  AccountChangeListening(Register register, DataSource ds,
      @Value("${oligotrial.api.token-cache:true}") boolean wanted) {
    this.register = register;
    this.ds = ds;
    this.wanted = wanted;
  }

  @Override
  public synchronized void run(ApplicationArguments args) throws SQLException {
    if (!wanted || !register.isPostgres() || !ds.isWrapperFor(HikariDataSource.class)) {
      return;
    }
    HikariDataSource pool = ds.unwrap(HikariDataSource.class);
    listener = new AccountChangeListener(register.tokenCache(), () -> {
      Properties p = new Properties();
      p.putAll(pool.getDataSourceProperties());
      if (pool.getUsername() != null) {
        p.setProperty("user", pool.getUsername());
      }
      if (pool.getPassword() != null) {
        p.setProperty("password", pool.getPassword());
      }
      return DriverManager.getConnection(pool.getJdbcUrl(), p);
    });
    listener.start();
  }

  /** Whether the listener was started (PostgreSQL, cache wanted). */
  synchronized boolean started() {
    return listener != null;
  }

  @Override
  public synchronized void destroy() {
    if (listener != null) {
      listener.stop();
    }
  }
}

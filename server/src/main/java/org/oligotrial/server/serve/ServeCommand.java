package org.oligotrial.server.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.oligotrial.input.UserInputException;
import org.oligotrial.server.ServerApplication;
import org.oligotrial.server.audit.AuditStore;
import org.oligotrial.server.database.DatabaseOption;
import org.oligotrial.server.database.Databases;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oligotrial serve [--port N] [--db JDBC-URL] [--audit-keys DIR] [--checkpoint-log DIR] [--demo]}: runs the trial server until it is stopped (Ctrl-C or
 * SIGTERM). Prints one line {@code listening on http://localhost:PORT} once it accepts requests.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the trial server (REST API under /api/v1, OpenAPI at /v3/api-docs).")
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DatabaseOption db;
  @Mixin AuditStore audit;

  @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default 8080; 0 picks a free one).")
  int port;

  @Option(names = "--demo",
      description = "On an empty database, create demo sites, users (random passwords printed once) and synthetic"
          + " participants.")
  boolean demo;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new UserInputException("--port must be 0 to 65535");
    }
    String url = db.resolve();
    List<String> args = new ArrayList<>();
    args.add("--server.port=" + port);
    args.add("--spring.datasource.url=" + url);
    Databases.driverProperties(url).forEach((k, v) ->
        args.add("--spring.datasource.hikari.data-source-properties." + k + "=" + v));
    args.add("--oligotrial.demo=" + demo);
    args.add("--oligotrial.audit.key-dir=" + audit.keyDirectory());
    args.add("--oligotrial.audit.checkpoint-log=" + audit.logDirectory());
    SpringApplication app = new SpringApplication(ServerApplication.class);
    CountDownLatch closed = new CountDownLatch(1);
    app.addListeners(e -> {
      if (e instanceof ContextClosedEvent) {
        closed.countDown();
      }
    });
    ConfigurableApplicationContext ctx = app.run(args.toArray(String[]::new));
    String actual = ctx.getEnvironment().getProperty("local.server.port", Integer.toString(port));
    spec.commandLine().getOut().println("OligoTrial server on " + describe(url) + "; listening on http://localhost:"
        + actual);
    spec.commandLine().getOut().flush();
    closed.await();
    return 0;
  }

  /** The URL without credentials or options, for the start-up line. */
  static String describe(String url) {
    int q = url.indexOf('?');
    int semi = url.indexOf(';');
    int cut = q < 0 ? semi : semi < 0 ? q : Math.min(q, semi);
    return cut < 0 ? url : url.substring(0, cut);
  }
}

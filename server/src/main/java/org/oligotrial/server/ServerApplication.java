package org.oligotrial.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot application behind {@code oligotrial serve}. Started only by the serve command (and tests), never
 * by the core commands.
 */
@SpringBootApplication
public class ServerApplication {}

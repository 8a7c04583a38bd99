package org.oligotrial.server.register;

import java.io.InputStream;

/** Lets tests feed {@code users add --password-stdin}. */
public final class UsersCommandAccess {
  private UsersCommandAccess() {}

  public static void setStdin(InputStream in) {
    UsersCommand.stdin = in;
  }
}

package org.oligotrial.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest; "development" when run from classes. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = OligoTrialCommand.class.getPackage().getImplementationVersion();
    return new String[] {"oligotrial " + (v == null ? "development" : v)};
  }
}

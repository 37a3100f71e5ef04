package dev.seq2seq.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven writes into the jar manifest. */
public final class VersionProvider implements IVersionProvider {

  /** The project version, or {@code dev} when running from unpackaged classes. */
  public static String version() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return v != null ? v : "dev";
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "seq2seq " + version(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}

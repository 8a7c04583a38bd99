package org.oligotrial.server.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oligotrial.input.UserInputException;

/**
 * The append-only checkpoint log outside the database: a directory with one sub-directory per chain id and in it one
 * file per checkpoint, {@code checkpoint-000000000012.txt}, written once and never changed: the signed {@link
 * Checkpoint#text()}, then {@code witnessed: <first> <last>} and the content digest (hex) of each row from the
 * previous checkpoint's last row + 1 to this one's, one per line. The digests make the log a witness of every row,
 * authenticated by the signed root (they must rebuild it), so that {@code audit verify} can name each row that
 * differs; they cost 65 bytes a row.
 *
 * <p>A file is written beside its final name, forced to disk and then hard-linked to the final name, which fails if
 * it exists: a file never appears half-written and an existing one is never replaced. In production point the
 * directory at a store that refuses changes and deletions (a mount with {@code chattr +a} on the directory and
 * {@code +i} on the files, an NFS share of a WORM appliance, an object store bucket with object lock, or a
 * directory copied at once to another host); see docs/server.md.
 *
 * <p>Thread-safe for appends from one process (the checkpointer is the only writer).
 */
public final class CheckpointLog {
  private static final Pattern NAME = Pattern.compile("checkpoint-(\\d{12})\\.txt");

  private final Path dir;

  public CheckpointLog(Path dir) {
    this.dir = dir;
  }

  public Path directory() {
    return dir;
  }

  /** The file of checkpoint {@code number} of chain {@code chainId}. */
  public Path file(String chainId, long number) {
    return dir.resolve(chainId).resolve(String.format("checkpoint-%012d.txt", number));
  }

  /**
   * Writes a checkpoint with the digests of the rows it witnesses for the first time.
   *
   * @param firstRow the sequence number of the first digest's row
   * @throws IllegalStateException when the file exists already or cannot be written
   */
  public void append(Checkpoint cp, long firstRow, List<byte[]> digests) {
    Path target = file(cp.chainId(), cp.number());
    StringBuilder text = new StringBuilder(cp.text());
    text.append("witnessed: ").append(firstRow).append(' ').append(firstRow + digests.size() - 1).append('\n');
    HexFormat hex = HexFormat.of();
    for (byte[] d : digests) {
      text.append(hex.formatHex(d)).append('\n');
    }
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    try {
      Files.createDirectories(target.getParent());
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE); OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        ch.force(true);
      }
      try {
        Files.createLink(target, tmp);
      } catch (UnsupportedOperationException e) {
        Files.write(target, Files.readAllBytes(tmp), StandardOpenOption.CREATE_NEW, StandardOpenOption.SYNC);
      }
      Files.delete(tmp);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException("checkpoint log: " + target + " exists already; a log file is never replaced",
          e);
    } catch (IOException e) {
      throw new IllegalStateException("checkpoint log: cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * Every checkpoint of chain {@code chainId} in the log, by number, with the files that could not be read.
   *
   * @throws UserInputException when the log directory exists but cannot be listed
   */
  public Contents read(String chainId) {
    Path chainDir = dir.resolve(chainId);
    List<Entry> entries = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    if (!Files.isDirectory(chainDir)) {
      return new Contents(entries, unreadable);
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(chainDir)) {
      for (Path p : ds) {
        if (NAME.matcher(p.getFileName().toString()).matches()) {
          files.add(p);
        }
      }
    } catch (IOException e) {
      throw new UserInputException("cannot list the checkpoint log " + chainDir + ": " + e.getMessage(), e);
    }
    files.sort(null);
    for (Path p : files) {
      Matcher m = NAME.matcher(p.getFileName().toString());
      m.matches();
      try {
        entries.add(parse(p, Long.parseLong(m.group(1))));
      } catch (IOException | IllegalArgumentException e) {
        unreadable.add(p.getFileName() + ": " + e.getMessage());
      }
    }
    return new Contents(entries, unreadable);
  }

  /** Whether the log holds chains other than {@code chainId}. */
  public List<String> otherChains(String chainId) {
    List<String> others = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return others;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, Files::isDirectory)) {
      for (Path p : ds) {
        if (!p.getFileName().toString().equals(chainId)) {
          others.add(p.getFileName().toString());
        }
      }
    } catch (IOException e) {
      throw new UserInputException("cannot list the checkpoint log " + dir + ": " + e.getMessage(), e);
    }
    return others;
  }

  private static Entry parse(Path p, long numberInName) throws IOException {
    List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
    Checkpoint cp = Checkpoint.parse(lines);
    if (cp.number() != numberInName) {
      throw new IllegalArgumentException("holds checkpoint " + cp.number() + ", not " + numberInName);
    }
    int w = 9; // magic + 7 fields + signature
    if (lines.size() <= w || !lines.get(w).startsWith("witnessed: ")) {
      throw new IllegalArgumentException("no \"witnessed:\" line after the signature");
    }
    String[] range = lines.get(w).substring("witnessed: ".length()).split(" ");
    long first = Long.parseLong(range[0]);
    long last = Long.parseLong(range[1]);
    List<byte[]> digests = new ArrayList<>();
    HexFormat hex = HexFormat.of();
    for (String line : lines.subList(w + 1, lines.size())) {
      if (line.length() != 64) {
        throw new IllegalArgumentException("a row digest of " + line.length() + " characters");
      }
      digests.add(hex.parseHex(line));
    }
    if (digests.size() != last - first + 1) {
      throw new IllegalArgumentException("witnessed " + first + " to " + last + " but " + digests.size()
          + " digests follow");
    }
    return new Entry(cp, first, digests, p);
  }

  /**
   * One log file.
   *
   * @param checkpoint the signed checkpoint
   * @param firstRow the row of the first digest
   * @param digests content digests of rows {@code firstRow..checkpoint.size()}
   * @param file where it was read
   */
  public record Entry(Checkpoint checkpoint, long firstRow, List<byte[]> digests, Path file) {}

  /** What {@link #read} found: readable entries by number, and one message per unreadable file. */
  public record Contents(List<Entry> entries, List<String> unreadable) {
    public Entry newest() {
      return entries.isEmpty() ? null : entries.get(entries.size() - 1);
    }
  }
}

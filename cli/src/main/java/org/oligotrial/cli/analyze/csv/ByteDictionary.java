package org.oligotrial.cli.analyze.csv;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The distinct byte strings of a text column, each numbered in order of first appearance, found by an open-addressing
 * hash table over the bytes themselves, so that a million labels cost no {@code String} each: one per distinct
 * value, made at the end. Not thread-safe (one per column while reading).
 */
final class ByteDictionary {

  private byte[] pool = new byte[256];
  private int poolSize;
  private int[] offset = new int[16];
  private int[] length = new int[16];
  private int[] hashOf = new int[16];
  private int size;
  /** slots hold code + 1, 0 = empty. */
  private int[] table = new int[32];

  /** The code of {@code b[from, to)}, adding it when new. */
  int code(byte[] b, int from, int to) {
    int h = 0x811c9dc5;
    for (int i = from; i < to; i++) {
      h = (h ^ b[i]) * 0x01000193; // FNV-1a
    }
    int mask = table.length - 1;
    int slot = h & mask;
    while (true) {
      int t = table[slot];
      if (t == 0) {
        break;
      }
      int c = t - 1;
      if (hashOf[c] == h && Arrays.equals(pool, offset[c], offset[c] + length[c], b, from, to)) {
        return c;
      }
      slot = (slot + 1) & mask;
    }
    return add(b, from, to, h, slot);
  }

  private int add(byte[] b, int from, int to, int h, int slot) {
    int len = to - from;
    if (poolSize + len > pool.length) {
      pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
    }
    System.arraycopy(b, from, pool, poolSize, len);
    if (size == offset.length) {
      offset = Arrays.copyOf(offset, size * 2);
      length = Arrays.copyOf(length, size * 2);
      hashOf = Arrays.copyOf(hashOf, size * 2);
    }
    offset[size] = poolSize;
    length[size] = len;
    hashOf[size] = h;
    poolSize += len;
    table[slot] = size + 1;
    int code = size++;
    if (size * 2 > table.length) {
      rehash();
    }
    return code;
  }

  private void rehash() {
    int[] t = new int[table.length * 2];
    int mask = t.length - 1;
    for (int c = 0; c < size; c++) {
      int slot = hashOf[c] & mask;
      while (t[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      t[slot] = c + 1;
    }
    table = t;
  }

  int size() {
    return size;
  }

  /**
   * The distinct values as strings, in code order.
   *
   * @throws CharacterCodingException when a value is not UTF-8
   */
  String[] strings() throws CharacterCodingException {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    String[] out = new String[size];
    for (int c = 0; c < size; c++) {
      out[c] = decoder.decode(ByteBuffer.wrap(pool, offset[c], length[c])).toString();
    }
    return out;
  }
}

package org.oligotrial.randomization;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A stratification (or minimization) factor with its levels, in a fixed order.
 *
 * @param name the factor's key, for example {@code histology}; non-blank
 * @param levels two or more distinct non-blank level names
 * @throws IllegalArgumentException when the name is blank or the levels are fewer than two or repeat
 */
public record StratificationFactor(String name, List<String> levels) {
  public StratificationFactor {
    Objects.requireNonNull(name, "factor name");
    Objects.requireNonNull(levels, "levels of factor " + name);
    if (name.isBlank()) {
      throw new IllegalArgumentException("a stratification factor needs a name");
    }
    levels = List.copyOf(levels);
    if (levels.size() < 2) {
      throw new IllegalArgumentException("factor " + name + " needs at least two levels, got " + levels);
    }
    if (new HashSet<>(levels).size() != levels.size() || levels.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("factor " + name + " has blank or repeated levels: " + levels);
    }
  }

  /** A factor from its name and levels. */
  public static StratificationFactor of(String name, String... levels) {
    return new StratificationFactor(name, List.of(levels));
  }

  /** The index of {@code level} in {@link #levels()}, or -1 when it is not one of them. */
  public int indexOf(String level) {
    return levels.indexOf(level);
  }
}

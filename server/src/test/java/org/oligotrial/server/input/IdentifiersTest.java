package org.oligotrial.server.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.kernel.BadInputException;
import org.oligotrial.server.kernel.Identifiers;

/**
 * Identifier cleaning and keys. The characters are named by code point; their Unicode properties (NFKC mapping,
 * General Category) are from the Unicode Character Database as shipped with the JDK.
 */
class IdentifiersTest {
  static String key(String raw) {
    return Identifiers.key(Identifiers.clean("screeningNumber", raw));
  }

  @Test
  void theIssuesFiveSpellingsAreOneScreeningNumber() {
    // issue 16: DEMO1-001, a leading space, lower case, U+2010 HYPHEN (NFKC keeps it; mapped as a dash)
    List<String> same = List.of("DEMO1-001", " DEMO1-001", "demo1-001", "DEMO1\u2010001",
        "\uff24\uff25\uff2d\uff2f\uff11-\uff10\uff10\uff11" /* full width, NFKC */, "DEMO1\u2212001" /* minus */,
        "DEMO1\u2013001" /* en dash */, "DEMO1\u2011001" /* non-breaking hyphen */, "\u00a0DEMO1-001\u3000");
    for (String s : same) {
      assertThat(key(s)).as(s).isEqualTo("demo1-001");
    }
  }

  @Test
  void aZeroWidthSpaceOrAnotherInvisibleCharacterIsRefusedNamingTheField() {
    for (String s : List.of("DEMO1-\u200b001", "DEMO1-001\u200d", "\ufeffDEMO1-001", "DEMO1\u00ad-001",
        "DEMO1\u202e-001", "DEMO1-001\ufe0f", "DEMO1\u2060-001", "DEMO1\u3164-001")) {
      assertThatThrownBy(() -> Identifiers.clean("screeningNumber", s)).as(s)
          .isInstanceOf(BadInputException.class).hasMessageStartingWith("screeningNumber: contains an invisible");
    }
  }

  @Test
  void controlsLineBreaksAndLoneSurrogatesAreRefused() {
    for (String s : List.of("DEMO1\t001", "DEMO1\n001", "DEMO1\u0000", "DEMO1\u0085", "DEMO1\u2028")) {
      assertThatThrownBy(() -> Identifiers.clean("siteCode", s)).as(s).isInstanceOf(BadInputException.class)
          .hasMessageContaining("siteCode: contains a control character");
    }
    assertThatThrownBy(() -> Identifiers.clean("siteCode", "A\ud800")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("lone UTF-16 surrogate");
  }

  @Test
  void theStoredFormKeepsCaseButNotWidthDashesOrOuterSpaces() {
    assertThat(Identifiers.clean("f", "  demo1\u2010001  ")).isEqualTo("demo1-001");
    assertThat(Identifiers.clean("f", "\uff24\uff25\uff2d\uff2f")).isEqualTo("DEMO");
    assertThat(Identifiers.clean("f", "A  \u3000 B")).isEqualTo("A B");
    assertThat(Identifiers.clean("f", "   ")).isEmpty();
    assertThat(Identifiers.clean("f", null)).isNull();
  }

  @Test
  void caseFoldingIsFullFoldingNotJustAscii() {
    // U+00DF sharp s folds to "ss" (Unicode CaseFolding.txt, status F); Greek final sigma to sigma
    assertThat(key("STRASSE-1")).isEqualTo(key("stra\u00dfe-1"));
    assertThat(key("\u039f\u03a3")).isEqualTo(key("\u03bf\u03c2"));
    assertThat(key("DEMO1-001")).isNotEqualTo(key("DEMO1-002"));
    assertThat(key("DEMO1 001")).isNotEqualTo(key("DEMO1-001"));
  }

  @Test
  void legacyValuesAreKeyedWithoutTheirInvisibleCharacters() {
    assertThat(Identifiers.legacyKey("DEMO1-\u200b001 ")).isEqualTo("demo1-001");
    assertThat(Identifiers.legacyKey("demo1\u2010001")).isEqualTo("demo1-001");
  }
}

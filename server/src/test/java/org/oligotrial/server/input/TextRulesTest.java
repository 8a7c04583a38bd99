package org.oligotrial.server.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.kernel.TextRules;

/** What text may hold: lone surrogates, bidirectional overrides and isolates (UAX #9) and controls are refused. */
class TextRulesTest {
  @Test
  void loneSurrogatesAreRefusedAndPairsAccepted() {
    assertThat(TextRules.problem("a\ud800", true)).contains("lone UTF-16 surrogate (U+D800) at position 1");
    assertThat(TextRules.problem("\udc00a", true)).contains("U+DC00");
    assertThat(TextRules.problem("\udbff\ud800", true)).contains("U+DBFF"); // two highs: the first is alone
    assertThat(TextRules.problem("smile \ud83d\ude00", false)).isNull(); // U+1F600 as a surrogate pair
  }

  @Test
  void bidirectionalOverridesAndIsolatesAreRefusedButMarksAndRightToLeftTextAreNot() {
    for (int c : new int[] {0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069}) {
      assertThat(TextRules.problem("x" + (char) c + "y", true)).as(Integer.toHexString(c))
          .contains("bidirectional");
    }
    // U+200F RIGHT-TO-LEFT MARK and Arabic letters are ordinary text
    assertThat(TextRules.problem("\u0627\u0644\u0639\u0631\u0628\u064a\u0629\u200f", false)).isNull();
  }

  @Test
  void controlsAreRefusedExceptTabAndLineBreaksInNarratives() {
    assertThat(TextRules.problem("line\nbreak\ttab\r\n", true)).isNull();
    assertThat(TextRules.problem("line\nbreak", false)).contains("control character (U+000A)");
    for (char c : new char[] {0, 7, 0x1b, 0x7f, 0x85, 0x9f}) {
      assertThat(TextRules.problem("a" + c, true)).as(Integer.toHexString(c)).contains("control character");
    }
  }

  @Test
  void aVisibleCharacterIsNeitherSpaceNorInvisible() {
    for (String s : List.of("", " ", "\u200b", "\u200b\u200c\u200d\ufeff", "\u00a0\u3000\t\n", "\u2060\u00ad")) {
      assertThat(TextRules.hasVisible(s)).as(s).isFalse();
    }
    assertThat(TextRules.hasVisible(null)).isFalse();
    for (String s : List.of(".", "\u200bx", "\u4e2d", "\ud83d\ude00", "\u0627")) {
      assertThat(TextRules.hasVisible(s)).as(s).isTrue();
    }
  }

  @Test
  void narrativesAreNamedByTheirEnding() {
    for (String n : List.of("reason", "withdrawalReason", "note", "text", "answer", "v.aeTerm", "comments")) {
      assertThat(TextRules.isNarrative(n)).as(n).isTrue();
    }
    for (String n : List.of("screeningNumber", "siteCode", "label", "obtainedBy", "formVersion", "field")) {
      assertThat(TextRules.isNarrative(n)).as(n).isFalse();
    }
  }
}

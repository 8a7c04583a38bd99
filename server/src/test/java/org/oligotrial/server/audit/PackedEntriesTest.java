package org.oligotrial.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Audit entries about one record staged as one pending row, and read back. */
class PackedEntriesTest {
  private static AuditEntry e(String entityId, String field, String oldValue, String newValue, String reason) {
    return new AuditEntry("coord.a", AuditAction.CREATE, "participant", entityId, field, oldValue, newValue, reason,
        "A");
  }

  @Test
  void consecutiveEntriesThatDifferOnlyInFieldAndValuesShareARow() {
    AuditEntry a1 = e("p1", "siteCode", null, "A", null);
    AuditEntry a2 = e("p1", "status", null, "ELIGIBLE", null);
    AuditEntry b = e("p2", "status", null, "ELIGIBLE", null);
    AuditEntry a3 = e("p1", "verdict", null, "ELIGIBLE", null);
    AuditEntry why = e("p1", "verdict", null, "ELIGIBLE", "re-screened");
    AuditEntry other = new AuditEntry("coord.b", AuditAction.CREATE, "participant", "p1", "x", null, "y", null, "A");
    AuditEntry update = new AuditEntry("coord.a", AuditAction.UPDATE, "participant", "p1", "x", null, "y", null, "A");
    AuditEntry site = new AuditEntry("coord.a", AuditAction.CREATE, "participant", "p1", "x", null, "y", null, "B");

    assertThat(PackedEntries.rows(List.of(a1, a2, b, a3, why, other, update, site))).containsExactly(
        List.of(a1, a2), List.of(b), List.of(a3), List.of(why), List.of(other), List.of(update), List.of(site));
    assertThat(PackedEntries.rows(List.of())).isEmpty();
  }

  @Test
  void aSingleEntryNeedsNothingPackedAndSeveralReadBackExactly() {
    AuditEntry first = e("p1", "siteCode", null, "A", null);
    assertThat(PackedEntries.more(List.of(first))).isNull();
    assertThat(PackedEntries.expand(first, null)).containsExactly(first);

    String json = "{\"note\":\"quotes \\\" and a backslash \\\\, \u2265 90 g/L, \uD83D\uDC8A\",\"empty\":\"\"}";
    List<AuditEntry> row = List.of(first, e("p1", "record", null, json, null), e("p1", null, null, null, null),
        e("p1", "empty", "", "", null), e("p1", "big", "x".repeat(100_000), null, null));
    assertThat(PackedEntries.expand(first, PackedEntries.more(row))).containsExactlyElementsOf(row);
  }

  @Test
  void aDamagedPackedValueIsRefusedNotMisread() {
    AuditEntry first = e("p1", "siteCode", null, "A", null);
    byte[] good = PackedEntries.more(List.of(first, e("p1", "status", null, "ELIGIBLE", null)));

    byte[] format = good.clone();
    format[0] = 2;
    assertThatThrownBy(() -> PackedEntries.expand(first, format)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("format 2");
    assertThatThrownBy(() -> PackedEntries.expand(first, Arrays.copyOf(good, good.length - 1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("more_entries");
    assertThatThrownBy(() -> PackedEntries.expand(first, Arrays.copyOf(good, good.length + 1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("after the entries");
    byte[] count = good.clone();
    count[4] = 0; // no entries
    assertThatThrownBy(() -> PackedEntries.expand(first, count)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> PackedEntries.expand(first, new byte[0])).isInstanceOf(IllegalStateException.class);
  }
}

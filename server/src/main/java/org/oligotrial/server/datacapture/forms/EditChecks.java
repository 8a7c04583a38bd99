package org.oligotrial.server.datacapture.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.oligotrial.protocol.EditCheck;
import org.oligotrial.protocol.FormDefinition;
import org.oligotrial.protocol.FormField;
import org.oligotrial.safety.ReportingDeadline;
import org.oligotrial.server.randomization.Randomized;
import tools.jackson.databind.JsonNode;

/**
 * Runs the protocol's edit checks on a form about to be saved. A field holding a missing-data code is absent to
 * every check (no comparison or arithmetic runs on it; see {@link MissingData}). Stateless and thread-safe.
 */
public final class EditChecks {
  private final List<EditCheck> checks;
  private final java.util.Map<String, String> regimenCategories;

  /** @param regimenCategories regimen id to its category ({@code targeted} or {@code chemotherapy}) */
  public EditChecks(List<EditCheck> checks, java.util.Map<String, String> regimenCategories) {
    this.checks = List.copyOf(checks);
    this.regimenCategories = java.util.Map.copyOf(regimenCategories);
  }

  /**
   * A failed check on one field.
   *
   * @param check the check
   * @param field the field, {@code values.<id>}
   * @param message what is wrong
   */
  public record Finding(EditCheck check, String field, String message) {}

  /**
   * What the checks need besides the form.
   *
   * @param randomized the randomization, or null when the participant is not randomized
   * @param deathDate the date of death from another form, or null
   * @param latestOtherDate the latest date of any other form of the participant, or null
   * @param pdAssessmentDates dates of tumour assessments whose RECIST time-point response is PD
   */
  public record Context(Randomized randomized, LocalDate deathDate, LocalDate latestOtherDate,
      List<LocalDate> pdAssessmentDates, java.time.ZoneId zone) {
    /** The context at a site in UTC. */
    public Context(Randomized randomized, LocalDate deathDate, LocalDate latestOtherDate,
        List<LocalDate> pdAssessmentDates) {
      this(randomized, deathDate, latestOtherDate, pdAssessmentDates, java.time.ZoneOffset.UTC);
    }
  }

  /** Every failed check, blocking ones first; fields holding a missing-data code are not checked ({@link MissingData}). */
  public List<Finding> run(FormDefinition def, JsonNode entered, Context ctx) {
    JsonNode values = MissingData.withoutCodes(entered);
    List<Finding> out = new ArrayList<>();
    for (EditCheck c : checks) {
      if (c.appliesTo(def.id())) {
        check(c, def, values, ctx, out, regimenCategories);
      }
    }
    out.sort((a, b) -> Boolean.compare(b.check().blocks(), a.check().blocks()));
    return out;
  }

  private static void check(EditCheck c, FormDefinition def, JsonNode values, Context ctx, List<Finding> out,
      java.util.Map<String, String> regimenCategories) {
    String dateField = "values." + def.dateField();
    LocalDate date = date(values, def.dateField());
    switch (c.kind()) {
      case "after-randomization" -> {
        if (ctx.randomized() != null && date != null && date.isBefore(ctx.randomized().date())) {
          out.add(new Finding(c, dateField, c.message() + " (randomized on " + ctx.randomized().date() + ")"));
        }
      }
      case "not-after-death" -> {
        if (def.id().equals("death")) {
          if (date != null && ctx.latestOtherDate() != null && date.isBefore(ctx.latestOtherDate())) {
            out.add(new Finding(c, dateField, c.message() + " (another form is dated " + ctx.latestOtherDate() + ")"));
          }
        } else if (ctx.deathDate() != null) {
          for (FormField f : def.fields()) {
            LocalDate d = f.type().equals("date") ? date(values, f.id()) : null;
            if (d != null && d.isAfter(ctx.deathDate())) {
              out.add(new Finding(c, "values." + f.id(), c.message() + " (died on " + ctx.deathDate() + ")"));
            }
          }
        }
      }
      case "date-order" -> {
        JsonNode later = values.get(c.field());
        JsonNode earlier = values.get(c.otherField());
        if (later != null && earlier != null && compare(later, earlier) < 0) {
          out.add(new Finding(c, "values." + c.field(), c.message()));
        }
      }
      case "range" -> {
        JsonNode v = values.get(c.field());
        if (v != null && v.isNumber() && !c.range().contains(new BigDecimal(v.asString()))) {
          out.add(new Finding(c, "values." + c.field(), c.message()));
        }
      }
      case "arm-only" -> {
        if (ctx.randomized() != null && !c.arm().equals(ctx.randomized().arm())) {
          out.add(new Finding(c, c.field() == null ? dateField : "values." + c.field(),
              c.message() + " (arm " + ctx.randomized().arm() + ")"));
        }
      }
      case "progression-confirmed" -> {
        if (date != null && !ctx.pdAssessmentDates().contains(date)) {
          out.add(new Finding(c, c.field() == null ? dateField : "values." + c.field(), c.message()));
        }
      }
      case "regimen-matches" -> {
        JsonNode v = values.get(c.field());
        String expected = ctx.randomized() == null ? null : ctx.randomized().regimenCategory();
        String actual = v == null || !v.isString() ? null : regimenCategories.get(v.stringValue());
        if (expected != null && actual != null && !expected.equals(actual)) {
          out.add(new Finding(c, "values." + c.field(), c.message() + " (stratified as " + expected + ", regimen is "
              + actual + ")"));
        }
      }
      case "any-true" -> {
        if (c.fields().stream().noneMatch(f -> values.path(f).asBoolean(false))) {
          out.add(new Finding(c, "values." + c.fields().get(0), c.message()));
        }
      }
      case "within-hours" -> {
        JsonNode later = values.get(c.field());
        JsonNode earlier = values.get(c.otherField());
        if (later != null && earlier != null && later.isString() && earlier.isString()) {
          // both are the site's local wall-clock times: compared as elapsed time in the site's zone (the clock of
          // ReportingDeadline on their UTC times), so that a daylight-saving change between them counts as it
          // passed (java.time's rules for gaps and overlaps)
          LocalDateTime from = utc(LocalDateTime.parse(earlier.stringValue()), ctx.zone());
          long hours = c.range().max().longValue();
          if (!ReportingDeadline.onTime(from, utc(LocalDateTime.parse(later.stringValue()), ctx.zone()), hours)) {
            out.add(new Finding(c, "values." + c.field(), c.message() + " (due by " + ReportingDeadline.due(from, hours)
                .atOffset(java.time.ZoneOffset.UTC).atZoneSameInstant(ctx.zone()).toLocalDateTime() + ")"));
          }
        }
      }
      default -> throw new IllegalStateException("edit check kind " + c.kind());
    }
  }

  /** A site's local date-time as the UTC date-time of the same instant. */
  private static LocalDateTime utc(LocalDateTime local, java.time.ZoneId zone) {
    return local.atZone(zone).withZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime();
  }

  /** Whether a check that compares the site's local date-times as elapsed time applies to the form. */
  public boolean comparesLocalTimes(FormDefinition def) {
    return checks.stream().anyMatch(c -> c.kind().equals("within-hours") && c.appliesTo(def.id()));
  }

  private static int compare(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return new BigDecimal(a.asString()).compareTo(new BigDecimal(b.asString()));
    }
    return LocalDate.parse(a.asString()).compareTo(LocalDate.parse(b.asString()));
  }

  static LocalDate date(JsonNode values, String field) {
    JsonNode v = values.get(field);
    return v == null || !v.isString() ? null : LocalDate.parse(v.stringValue());
  }
}

package org.oligotrial.server.datacapture.casebook;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oligotrial.protocol.FormDefinition;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.datacapture.visits.ExpectedVisit;
import org.oligotrial.server.datacapture.visits.VisitStatus;

/**
 * One participant's casebook: the grid of expected visits (rows, by target date) by scheduled forms (columns, in the
 * protocol's order), each cell the one form of that type that completes that visit occurrence, and below it the forms
 * the schedule does not place (adverse events, serious adverse event reports, progression, withdrawal).
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>A column is a protocol form with at least one visit; a cell exists where the form lists the row's visit
 *       (elsewhere the grid shows nothing: that form is not collected at that visit).</li>
 *   <li>The cell's form is the form of the column's type stored with the row's visit id and occurrence, else the
 *       form the schedule assigned to the occurrence by its date ({@link ExpectedVisit#formId()}) when it is of the
 *       column's type.</li>
 *   <li>With a form: {@link CellStatus#QUERIED} when a query on it is not closed, else {@link CellStatus#LOCKED},
 *       {@link CellStatus#SIGNED} or {@link CellStatus#ENTERED} from the form's status.</li>
 *   <li>Without: {@link CellStatus#OVERDUE} when the visit is overdue (its window closed and no form completes it),
 *       else {@link CellStatus#NOT_STARTED}.</li>
 * </ol>
 * Source-data verification is a mark beside the status, not a status: a cell (or entry) is {@code verified} when its
 * form is fully verified (every field holding a value or a missing-data code carries a monitor's mark), whatever its
 * status. Signing, locking and verification are independent steps by different roles (a monitor may verify a locked
 * form, an investigator signs without waiting for the monitor), so one ordered status could not say both; the page
 * shows "signed, verified", "locked, verified", "queried, verified" (a query raised after verification). A change to
 * a verified field clears its mark, so the cell loses the mark with the change. Built in memory from lists read once
 * each (the forms, the open queries, the verification marks): no read per cell. Immutable.
 *
 * @param columns the scheduled forms
 * @param rows the expected visits with their cells, one per column (null where the form is not collected)
 * @param unscheduled the other forms, by date then creation
 */
public record Casebook(List<Column> columns, List<Row> rows, List<Entry> unscheduled) {

  /**
   * A scheduled form type.
   *
   * @param formType the protocol's form id
   * @param name the form's name from the protocol
   */
  public record Column(String formType, String name) {}

  /**
   * One expected visit occurrence.
   *
   * @param visitId the protocol's visit id
   * @param occurrence 1, 2, ...
   * @param name the visit's name, with the occurrence number when the protocol repeats the visit ("chemotherapy
   *     cycle 2")
   * @param targetDate the target date
   * @param windowStart first date of the window
   * @param windowEnd last date of the window
   * @param overdue whether the visit is overdue
   * @param cells one per column, null where that form is not collected at this visit
   */
  public record Row(String visitId, int occurrence, String name, LocalDate targetDate, LocalDate windowStart,
      LocalDate windowEnd, boolean overdue, List<Cell> cells) {}

  /**
   * One form of one visit occurrence.
   *
   * @param formType the protocol's form id
   * @param formName the form's name
   * @param status the status
   * @param formId the form, or null when not started
   * @param verified whether the form is fully source-verified (false without a form)
   */
  public record Cell(String formType, String formName, CellStatus status, String formId, boolean verified) {

    /** The status in words with the verified mark ("signed, verified"), as the page shows it. */
    public String label() {
      return verified ? status.label() + ", verified" : status.label();
    }
  }

  /**
   * A form outside the schedule.
   *
   * @param formId the form
   * @param name the form's name from the protocol
   * @param date the form's date, or null
   * @param status the status
   * @param verified whether the form is fully source-verified
   */
  public record Entry(String formId, String name, LocalDate date, CellStatus status, boolean verified) {

    /** The status in words with the verified mark, as the page shows it. */
    public String label() {
      return verified ? status.label() + ", verified" : status.label();
    }
  }

  /**
   * The casebook.
   *
   * @param visits the participant's expected visits
   * @param forms every form of the participant
   * @param queried ids of forms with a query not closed
   * @param verified ids of forms fully source-verified
   */
  public static Casebook of(Protocol protocol, List<ExpectedVisit> visits, List<StoredForm> forms,
      Set<String> queried, Set<String> verified) {
    List<Column> columns = new ArrayList<>();
    for (FormDefinition d : protocol.forms()) {
      if (!d.visits().isEmpty()) {
        columns.add(new Column(d.id(), d.name()));
      }
    }
    Map<String, StoredForm> byId = new HashMap<>();
    Map<String, StoredForm> byPlace = new HashMap<>();
    for (StoredForm f : forms) {
      byId.put(f.id(), f);
      if (f.visitId() != null && f.visitNumber() != null) {
        byPlace.putIfAbsent(f.formType() + "@" + f.visitId() + "#" + f.visitNumber(), f);
      }
    }
    Set<String> repeated = new HashSet<>();
    protocol.visits().stream().filter(v -> v.everyDays() != null).forEach(v -> repeated.add(v.id()));
    List<Row> rows = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    for (ExpectedVisit v : visits) {
      boolean overdue = v.status() == VisitStatus.OVERDUE;
      List<Cell> cells = new ArrayList<>();
      for (Column c : columns) {
        FormDefinition d = protocol.form(c.formType()).orElseThrow();
        if (!d.visits().contains(v.visitId())) {
          cells.add(null);
          continue;
        }
        StoredForm f = byPlace.get(c.formType() + "@" + v.visitId() + "#" + v.occurrence());
        if (f == null && v.formId() != null && byId.containsKey(v.formId())
            && byId.get(v.formId()).formType().equals(c.formType())) {
          f = byId.get(v.formId());
        }
        if (f != null) {
          placed.add(f.id());
        }
        CellStatus s = f != null ? status(f, queried) : overdue ? CellStatus.OVERDUE : CellStatus.NOT_STARTED;
        cells.add(new Cell(c.formType(), c.name(), s, f == null ? null : f.id(),
            f != null && verified.contains(f.id())));
      }
      String name = repeated.contains(v.visitId()) ? v.name() + " " + v.occurrence() : v.name();
      rows.add(new Row(v.visitId(), v.occurrence(), name, v.targetDate(), v.windowStart(), v.windowEnd(), overdue,
          Collections.unmodifiableList(cells)));
    }
    List<Entry> unscheduled = new ArrayList<>();
    for (StoredForm f : forms) {
      if (!placed.contains(f.id())) {
        String name = protocol.form(f.formType()).map(FormDefinition::name).orElse(f.formType());
        unscheduled.add(new Entry(f.id(), name, f.formDate(), status(f, queried),
            verified.contains(f.id())));
      }
    }
    return new Casebook(List.copyOf(columns), List.copyOf(rows), List.copyOf(unscheduled));
  }

  private static CellStatus status(StoredForm f, Set<String> queried) {
    if (queried.contains(f.id())) {
      return CellStatus.QUERIED;
    }
    return switch (f.status()) {
      case StoredForm.LOCKED -> CellStatus.LOCKED;
      case StoredForm.SIGNED -> CellStatus.SIGNED;
      default -> CellStatus.ENTERED;
    };
  }
}

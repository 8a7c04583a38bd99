package org.oligotrial.cdisc.stats;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oligotrial.cdisc.model.ClinicalDataSource;
import org.oligotrial.cdisc.model.FormLayout;
import org.oligotrial.cdisc.model.FormRecord;
import org.oligotrial.cdisc.model.GroupRecord;
import org.oligotrial.endpoints.AnalysisCsv;
import org.oligotrial.protocol.FormDefinition;
import org.oligotrial.protocol.Protocol;

/**
 * Writes every form's data as CSV for statistics packages, streaming the subjects once with one open writer per
 * table: {@code {form}.csv} (one row per form instance: subject, site, visit, visit_repeat, form_key and the form's
 * scalar fields) and {@code {form}__{group}.csv} for each repeating group (one row per lesion: subject, form_key,
 * row and the group's columns); {@code dictionary.csv} (table, column, label, type, codes, unit); {@code read.R}
 * (read.csv with column classes, Date columns, factors with the protocol's levels, a {@code label} attribute per
 * column) and {@code read.sas} (one DATA step per table with INFORMAT/FORMAT for dates and LABEL statements). Text
 * is quoted when it holds a comma, quote or line break (RFC 4180); missing values are empty. Not thread-safe.
 */
public final class StatsExport {
  private StatsExport() {}

  /** One column of a table. */
  record Col(String name, String label, String type, List<String> codes, String unit) {}

  /** One table. */
  record Table(String name, String title, List<Col> cols) {}

  /**
   * Writes the form tables, dictionary and scripts into {@code dir}.
   *
   * @return the tables written, with their row counts
   */
  public static Map<String, Integer> writeForms(Protocol p, ClinicalDataSource source, Path dir) {
    try {
      Files.createDirectories(dir);
      List<Table> tables = new ArrayList<>();
      Map<String, BufferedWriter> writers = new LinkedHashMap<>();
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (FormDefinition f : p.forms()) {
        FormLayout layout = FormLayout.of(f);
        for (FormLayout.Group g : layout.groups()) {
          List<Col> cols = new ArrayList<>();
          cols.add(new Col("subject", "participant id", "text", List.of(), null));
          if (!g.repeating()) {
            cols.add(new Col("site", "site code", "text", List.of(), null));
            cols.add(new Col("visit", "visit id (empty: not tied to a visit)", "text", List.of(), null));
            cols.add(new Col("visit_repeat", "occurrence of the visit", "integer", List.of(), null));
          }
          cols.add(new Col("form_key", "form instance", "text", List.of(), null));
          if (g.repeating()) {
            cols.add(new Col("row", "row within the form", "integer", List.of(), null));
          }
          for (FormLayout.Column c : g.columns()) {
            cols.add(new Col(c.id(), c.label(), c.dataType(), c.codes(), c.unit()));
          }
          String name = g.repeating() ? f.id() + "__" + g.id() : f.id();
          Table t = new Table(name, g.repeating() ? f.name() + ": " + g.label() : f.name(), cols);
          tables.add(t);
          BufferedWriter w = Files.newBufferedWriter(dir.resolve(name + ".csv"), StandardCharsets.UTF_8);
          w.write(String.join(",", cols.stream().map(Col::name).toList()) + "\n");
          writers.put(name, w);
          counts.put(name, 0);
        }
      }
      try {
        source.forEachSubject(null, s -> {
          for (FormRecord f : s.forms()) {
            FormLayout layout = FormLayout.of(p.form(f.formType()).orElseThrow());
            for (FormLayout.Group g : layout.groups()) {
              String name = g.repeating() ? f.formType() + "__" + g.id() : f.formType();
              List<GroupRecord> rows = f.rows(g.id());
              if (!g.repeating() && rows.isEmpty()) {
                rows = List.of(new GroupRecord(FormLayout.MAIN, 1, Map.of()));
              }
              for (GroupRecord r : rows) {
                List<String> cells = new ArrayList<>();
                cells.add(s.subjectKey());
                if (!g.repeating()) {
                  cells.add(s.siteCode());
                  cells.add(f.visitId());
                  cells.add(f.visitId() == null ? null : Integer.toString(f.visitRepeat()));
                }
                cells.add(f.formKey());
                if (g.repeating()) {
                  cells.add(Integer.toString(r.repeatKey()));
                }
                for (FormLayout.Column c : g.columns()) {
                  cells.add(r.items().get(c.id()));
                }
                line(writers.get(name), cells);
                counts.merge(name, 1, Integer::sum);
              }
            }
          }
        });
      } finally {
        for (BufferedWriter w : writers.values()) {
          w.close();
        }
      }
      writeDictionary(dir, tables);
      Files.writeString(dir.resolve("read.R"), rScript(tables));
      Files.writeString(dir.resolve("read.sas"), sasScript(tables));
      return counts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The analysis dataset's table of the columns of an {@code analysis.csv} header, typed by their names. */
  static Table analysisTableOf(List<String> columns) {
    List<Col> cols = new ArrayList<>();
    for (String c : columns) {
      String type = c.endsWith("_time") || c.endsWith("_event") || c.equals("worst_grade") ? "integer"
          : c.endsWith("_months") || c.endsWith("_compliance") ? "float" : "text";
      cols.add(new Col(c, c.replace('_', ' '), type, List.of(), c.endsWith("_time") ? "days"
          : c.endsWith("_months") ? "months" : null));
    }
    return new Table("analysis", "analysis dataset (one row per randomized participant)", cols);
  }

  /**
   * Writes {@code read-analysis.R} and {@code read-analysis.sas} for an {@code analysis.csv} in the same folder, of
   * the bundled protocol's trial.
   */
  public static void writeAnalysisScripts(Path dir) {
    writeAnalysisScripts(dir, org.oligotrial.protocol.ProtocolLoader.bundled());
  }

  /**
   * Writes the read-in scripts for the analysis dataset of the protocol's trial: the protocol's columns
   * ({@link AnalysisCsv#columns(org.oligotrial.protocol.Protocol, List)}: one strata column per factor, the
   * time-to-event endpoints under their column prefixes).
   */
  public static void writeAnalysisScripts(Path dir, org.oligotrial.protocol.Protocol protocol) {
    writeAnalysisScriptsForHeader(dir, AnalysisCsv.columns(protocol));
  }

  /**
   * Writes {@code read-analysis.R} and {@code read-analysis.sas} for an {@code analysis.csv} whose header is
   * {@code columns} (as written: the dataset's columns depend on the protocol's endpoints and factors, and the
   * pooled dataset has no arm).
   */
  public static void writeAnalysisScriptsForHeader(Path dir, List<String> columns) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("read-analysis.R"), rScript(List.of(analysisTableOf(columns))));
      Files.writeString(dir.resolve("read-analysis.sas"), sasScript(List.of(analysisTableOf(columns))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void line(BufferedWriter w, List<String> cells) {
    try {
      List<String> out = new ArrayList<>();
      for (String c : cells) {
        out.add(csv(c));
      }
      w.write(String.join(",", out) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String csv(String v) {
    if (v == null) {
      return "";
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  private static void writeDictionary(Path dir, List<Table> tables) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("dictionary.csv"), StandardCharsets.UTF_8)) {
      w.write("table,column,label,type,codes,unit\n");
      for (Table t : tables) {
        for (Col c : t.cols()) {
          line(w, List.of(t.name() + ".csv", c.name(), c.label(), c.type(), String.join("|", c.codes()),
              c.unit() == null ? "" : c.unit()));
        }
      }
    }
  }

  static String rName(String table) {
    return table.replace('-', '_');
  }

  static String rScript(List<Table> tables) {
    StringBuilder sb = new StringBuilder("# Reads the CSV files written by OligoTrial, with types, factor levels and "
        + "labels.\n# Run in the folder of the files: source(\"read.R\")\n\n");
    sb.append("label_columns <- function(d, labels) {\n  for (n in names(labels)) attr(d[[n]], \"label\") <- "
        + "labels[[n]]\n  d\n}\n\n");
    for (Table t : tables) {
      String v = rName(t.name());
      sb.append("# ").append(t.title()).append('\n');
      sb.append(v).append(" <- read.csv(\"").append(t.name()).append(".csv\", na.strings = \"\", colClasses = c(");
      List<String> classes = new ArrayList<>();
      for (Col c : t.cols()) {
        String cls = switch (c.type()) {
          case "integer" -> "integer";
          case "float" -> "numeric";
          case "boolean" -> "logical";
          default -> "character";
        };
        classes.add(rString(c.name()) + " = \"" + cls + "\"");
      }
      sb.append(String.join(", ", classes)).append("))\n");
      for (Col c : t.cols()) {
        if (c.type().equals("date")) {
          sb.append(v).append("$`").append(c.name()).append("` <- as.Date(").append(v).append("$`").append(c.name())
              .append("`)\n");
        } else if (c.type().equals("datetime")) {
          // local date and time as entered, without a zone: read as clock time (tz UTC, so no shift applies)
          sb.append(v).append("$`").append(c.name()).append("` <- as.POSIXct(").append(v).append("$`")
              .append(c.name()).append("`, format = \"%Y-%m-%dT%H:%M:%S\", tz = \"UTC\")\n");
        } else if (!c.codes().isEmpty()) {
          sb.append(v).append("$`").append(c.name()).append("` <- factor(").append(v).append("$`").append(c.name())
              .append("`, levels = c(").append(String.join(", ", c.codes().stream().map(StatsExport::rString)
                  .toList())).append("))\n");
        }
      }
      sb.append(v).append(" <- label_columns(").append(v).append(", list(");
      sb.append(String.join(", ", t.cols().stream().map(c -> rString(c.name()) + " = "
          + rString(c.label() + (c.unit() == null ? "" : " (" + c.unit() + ")"))).toList()));
      sb.append("))\n\n");
    }
    return sb.toString();
  }

  private static String rString(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String sasName(String s) {
    String n = s.replaceAll("[^A-Za-z0-9_]", "_");
    return n.length() > 32 ? n.substring(0, 32) : n;
  }

  static String sasScript(List<Table> tables) {
    StringBuilder sb = new StringBuilder("/* Reads the CSV files written by OligoTrial, with types and labels.\n"
        + "   Set the folder first: %let dir = /path/to/export; */\n\n");
    for (Table t : tables) {
      sb.append("/* ").append(t.title().replace("*/", "* /")).append(" */\n");
      sb.append("data ").append(sasName(t.name())).append(";\n");
      sb.append("  infile \"&dir/").append(t.name()).append(".csv\" dsd firstobs=2 truncover encoding='utf-8';\n");
      sb.append("  length");
      for (Col c : t.cols()) {
        boolean text = !(c.type().equals("integer") || c.type().equals("float") || c.type().equals("date")
            || c.type().equals("datetime"));
        sb.append(' ').append(sasName(c.name())).append(text ? " $200" : " 8");
      }
      sb.append(";\n");
      for (Col c : t.cols()) {
        if (c.type().equals("date")) {
          sb.append("  informat ").append(sasName(c.name())).append(" yymmdd10.; format ").append(sasName(c.name()))
              .append(" yymmdd10.;\n");
        } else if (c.type().equals("datetime")) {
          sb.append("  informat ").append(sasName(c.name())).append(" e8601dt19.; format ").append(sasName(c.name()))
              .append(" e8601dt19.;\n");
        }
      }
      sb.append("  input");
      for (Col c : t.cols()) {
        sb.append(' ').append(sasName(c.name()));
      }
      sb.append(";\n  label");
      for (Col c : t.cols()) {
        String label = c.label() + (c.unit() == null ? "" : " (" + c.unit() + ")");
        sb.append("\n    ").append(sasName(c.name())).append(" = \"")
            .append(label.replace("\"", "\"\"").substring(0, Math.min(256, label.length()))).append('"');
      }
      sb.append(";\nrun;\n\n");
    }
    return sb.toString();
  }
}

package org.oligotrial.server.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oligotrial.protocol.Criterion;
import org.oligotrial.protocol.FormDefinition;
import org.oligotrial.protocol.FormField;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.RecordField;
import org.oligotrial.protocol.StratificationFactor;
import org.oligotrial.protocol.ValueLabels;
import org.oligotrial.protocol.Visit;
import org.oligotrial.server.datacapture.forms.CasebookLock;
import org.oligotrial.server.datacapture.forms.SignOff;
import org.oligotrial.server.datacapture.forms.SignOffBlockedException;
import org.oligotrial.server.scope.CurrentTrial;
import org.oligotrial.units.LabUnits;
import org.springframework.stereotype.Component;

/**
 * The words a person reads in place of the keys the data use, for the templates ({@code ${@labels.of(p.status)}}):
 * every label comes from the request's trial's protocol (record field labels, form field labels, criterion titles,
 * visit and form names) or, for the server's own states, from the constant itself in lower case.
 *
 * <p>Rules: {@link #of} turns a constant ({@code SCREEN_FAILED}, an enum or a state string) into lower-case words
 * ({@code screen failed}) and leaves other text alone. {@link #text} replaces, inside free text such as an
 * eligibility reason ({@code diagnosis.histology = adenocarcinoma}), each record path and code-like form field key by
 * its label, the longest key first so that {@code labs.ALT} is not read as {@code labs}; a key is replaced only as a
 * whole token (not inside a longer word or path). {@link #field} names an audited field ({@code values.date},
 * {@code visit}, a record path). {@link #choice}, {@link #recordValue} and {@link #formValue} show a stored value of a
 * field in words: a code its label from the protocol ({@code valueLabels}, else the code with hyphens as spaces, see
 * {@link org.oligotrial.protocol.ValueLabels}), a yes/no value "yes" or "no"; {@link #text} also replaces a record
 * code after its path ({@code diagnosis.histology = nsclc-nos}) and any hyphenated code of the protocol
 * ({@code one of distant-node, skin-soft-tissue}) by its label. Stateless apart from the current trial; thread-safe.
 */
@Component("labels")
public class Labels {
  private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");
  private final CurrentTrial currentTrial;

  Labels(CurrentTrial currentTrial) {
    this.currentTrial = currentTrial;
  }

  /** A constant in words ({@code ON_TREATMENT}: {@code on treatment}); other values as they are; null as empty. */
  public String of(Object value) {
    if (value == null) {
      return "";
    }
    String s = value instanceof Enum<?> e ? e.name() : value.toString();
    return CONSTANT.matcher(s).matches() && s.length() > 2 && !s.matches("[A-Z]+[0-9]+")
        ? s.toLowerCase(Locale.ROOT).replace('_', ' ') : s;
  }

  /**
   * A criterion's result in the words the live check uses, everywhere a result is shown: {@code PASS} "passes",
   * {@code FAIL} "fails", {@code UNKNOWN} (or anything else) "missing data".
   */
  public static String criterionStatus(String status) {
    return switch (status == null ? "" : status) {
      case "PASS" -> "passes";
      case "FAIL" -> "fails";
      default -> "missing data";
    };
  }

  /** {@link #criterionStatus(String)} for templates ({@code @labels.resultOf(c.status)}). */
  public String resultOf(String status) {
    return criterionStatus(status);
  }

  /** A criterion id with its title from the protocol ({@code I1}: {@code I1 age 18 to 70}). */
  public String criterion(String id) {
    if (id == null) {
      return "";
    }
    return protocol().criterion(id).map(Criterion::title).map(t -> id + " " + t).orElse(id);
  }

  /**
   * A stratification factor's name from the protocol, by its id or one of its former ids ({@code first_line}:
   * {@code first-line systemic therapy}); an unknown id as it is.
   */
  public String factor(String factorId) {
    return factorId == null ? "" : stratificationFactor(factorId).map(StratificationFactor::name).orElse(factorId);
  }

  /** A stratification factor's level label from the protocol ({@code non-targeted (platinum doublet)}), by codes. */
  public String level(String factorId, String levelCode) {
    if (levelCode == null) {
      return "";
    }
    return stratificationFactor(factorId).flatMap(f -> f.levels().stream()
            .filter(l -> l.code().equals(levelCode)).findFirst())
        .map(l -> l.label() == null ? l.code() : l.label()).orElse(levelCode);
  }

  private java.util.Optional<StratificationFactor> stratificationFactor(String factorId) {
    return protocol().stratification().stream()
        .filter(f -> f.id().equals(factorId) || f.formerIds().contains(factorId)).findFirst();
  }

  /** A form's name from the protocol, by its id. */
  public String form(String formType) {
    return formType == null ? "" : protocol().form(formType).map(FormDefinition::name).orElse(formType);
  }

  /** A visit's name from the protocol with the occurrence of a repeated visit ("chemotherapy cycle 2"). */
  public String visit(String visitId, Integer occurrence) {
    if (visitId == null) {
      return "";
    }
    for (Visit v : protocol().visits()) {
      if (v.id().equals(visitId)) {
        return v.name() + (v.everyDays() != null && occurrence != null ? " " + occurrence : "");
      }
    }
    return visitId + (occurrence == null ? "" : " " + occurrence);
  }

  /**
   * A form field's label within a form, by the field's id ({@code values.} stripped; a part of a structured value,
   * {@code term.meddraCode}, as the field's label with the part in brackets).
   */
  public String formField(String formType, String fieldId) {
    if (fieldId == null) {
      return "";
    }
    String f = fieldId.startsWith("values.") ? fieldId.substring(7) : fieldId;
    String top = f.contains(".") ? f.substring(0, f.indexOf('.')) : f;
    var def = protocol().form(formType);
    var x = def.flatMap(d -> d.field(f)).or(() -> def.flatMap(d -> d.field(top)));
    if (x.isEmpty()) {
      return field(fieldId);
    }
    return f.equals(top) || x.get().id().equals(f) ? x.get().label()
        : x.get().label() + " (" + part(f.substring(top.length() + 1)) + ")";
  }

  /**
   * A stored value of a form field in words, by the form and the field's id ({@code values.} stripped): a choice code
   * its label, a boolean "yes" or "no"; a value of another field, or of a field the form does not have, as it is.
   * The pages' option texts and value cells use it; their submitted {@code value=} attributes keep the codes.
   */
  public String choice(String formType, String fieldId, Object value) {
    if (value == null) {
      return "";
    }
    String v = value.toString();
    if (fieldId == null) {
      return v;
    }
    String f = fieldId.startsWith("values.") ? fieldId.substring(7) : fieldId;
    return protocol().form(formType).flatMap(d -> d.field(f)).map(x -> x.valueLabel(v)).orElse(v);
  }

  /**
   * A stored value of a screening-record field in words, by its path ({@code diagnosis.histology},
   * {@code metastases.site}; a {@code screeningRecord.} prefix is ignored): a code its label, a flag "yes" or "no";
   * other values as they are.
   */
  public String recordValue(String path, Object value) {
    if (value == null) {
      return "";
    }
    String v = value.toString();
    RecordField f = recordField(path);
    return f == null ? v : f.valueLabel(v);
  }

  private RecordField recordField(String path) {
    if (path == null || protocol().record() == null) {
      return null;
    }
    return protocol().record().field(path.startsWith("screeningRecord.") ? path.substring(16) : path);
  }

  /**
   * An audited value of a form in words: a JSON object (the form's values) flattened as in {@link #value}, with its
   * codes as labels; the value of one field ({@code values.outcome}) as {@link #choice}; other values as
   * {@link #value}.
   */
  public String formValue(String formType, String field, String v) {
    if (v == null) {
      return "";
    }
    String t = v.strip();
    if (t.startsWith("{") && t.endsWith("}")) {
      return value(v, formType);
    }
    String f = field == null ? null : field.startsWith("values.") ? field.substring(7) : null;
    if (f != null && protocol().form(formType).flatMap(d -> d.field(f)).isPresent()) {
      return choice(formType, f, t);
    }
    return value(v);
  }

  /**
   * An audited value where the form is not at hand, by its field as the audit trail names it (a record path,
   * {@code screeningRecord.x}, {@code values.x}): a JSON object as {@link #value}; a code of the record field, else of
   * the first form field of that id, as its label; other values as {@link #value}.
   */
  public String fieldValue(String field, String v) {
    if (v == null) {
      return "";
    }
    String t = v.strip();
    if (field != null && !(t.startsWith("{") && t.endsWith("}"))) {
      RecordField r = recordField(field);
      if (r != null) {
        return r.valueLabel(t);
      }
      if (field.startsWith("values.")) {
        String f = field.substring(7);
        for (FormDefinition d : protocol().forms()) {
          var x = d.field(f);
          if (x.isPresent()) {
            return x.get().valueLabel(t);
          }
        }
      }
    }
    return value(v);
  }

  /**
   * What blocks a signature or a lock, in words, without the form's name (shown beside it): the field's label in its
   * form and what is wrong ({@code CTCAE grade: open query "grade 2 or 3?"}, {@code onset: required value missing},
   * {@code required when} with the other field's label); a form not signed reads {@code not signed by the
   * investigator}. Never a field key, a query status constant or the kind's key.
   */
  public String blocker(SignOff.Blocker b) {
    if (b == null) {
      return "";
    }
    String what = text(b.detail());
    return CasebookLock.UNSIGNED.equals(b.kind()) ? what : formField(b.formType(), b.field()) + ": " + what;
  }

  /** A blocker with its form's name first ({@code adverse event: CTCAE grade: open query "grade 2 or 3?"}). */
  public String blockerWithForm(SignOff.Blocker b) {
    return b == null ? "" : form(b.formType()) + ": " + blocker(b);
  }

  /**
   * A refused signature or lock in words: the act, how many items block it and each of them with its form
   * ({@link #blockerWithForm}), and whether an override reason would be accepted. The exception's own message names
   * keys and ids for the logs and the API; a page shows this one.
   */
  public String refusal(SignOffBlockedException e) {
    int n = e.blockers().size();
    return "Cannot " + e.act() + ": " + n + (n == 1 ? " item blocks it: " : " items block it: ")
        + String.join("; ", e.blockers().stream().map(this::blockerWithForm).toList())
        + (e.overridable() ? " (the protocol allows going ahead with an override reason)" : "") + ".";
  }

  /** A screening form input's label, by its input id (the record path with dots as underscores by default). */
  public String input(String inputId) {
    if (inputId == null || protocol().record() == null) {
      return inputId == null ? "" : inputId;
    }
    for (RecordField f : protocol().record().fields()) {
      if (f.inputId().equals(inputId) && f.label() != null) {
        return f.label();
      }
      for (RecordField i : f.items()) {
        if (inputId.startsWith(i.inputId()) && i.label() != null) {
          return i.label();
        }
      }
    }
    // a laboratory row's inputs as the row's label: WBC_value as WBC (white blood cells), WBC_uln with "upper limit
    // of normal", WBC_unit with "unit"
    int u = inputId.indexOf('_');
    if (u > 0 && protocol().record().labs().contains(inputId.substring(0, u))
        && LabUnits.isAnalyte(inputId.substring(0, u))) {
      String row = labName(inputId.substring(0, u));
      return switch (inputId.substring(u + 1)) {
        case "uln" -> row + " upper limit of normal";
        case "unit" -> row + " unit";
        default -> row;
      };
    }
    return text(inputId);
  }

  /** A laboratory analyte as on the screening form's row: its code with its name ({@code WBC (white blood cells)}). */
  static String labName(String analyte) {
    return analyte + " (" + LabUnits.name(analyte) + ")";
  }

  /**
   * A field's label where the form is not at hand (an audited field, a query's field): {@code values.x} the label of
   * the first form of the protocol with a field {@code x}, a record path its label, other names as {@link #text}.
   */
  public String field(String field) {
    if (field == null) {
      return "";
    }
    String f = field.startsWith("values.") ? field.substring(7) : field;
    String top = f.contains(".") ? f.substring(0, f.indexOf('.')) : f;
    for (FormDefinition d : protocol().forms()) {
      var x = d.field(f).or(() -> d.field(top));
      if (x.isPresent()) {
        return f.equals(top) ? x.get().label() : x.get().label() + " (" + part(f.substring(top.length() + 1)) + ")";
      }
    }
    return text(f);
  }

  /**
   * A stored value for reading: a JSON object (a screening record, a form's values) as {@code label: value} pairs
   * separated by semicolons, nested objects and lists of objects flattened with their paths' labels; any other text
   * through {@link #text}.
   */
  public String value(String v) {
    return value(v, null);
  }

  /** {@link #value}, the codes of a JSON object read as those of form {@code formType}, or with null the record's. */
  private String value(String v, String formType) {
    if (v == null) {
      return "";
    }
    String t = v.strip();
    if (!(t.startsWith("{") && t.endsWith("}"))) {
      return text(v);
    }
    try {
      tools.jackson.databind.JsonNode n = JSON.readTree(t);
      List<String> parts = new ArrayList<>();
      flatten("", n, parts, formType);
      return String.join("; ", parts);
    } catch (RuntimeException e) {
      return text(v);
    }
  }

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  private void flatten(String path, tools.jackson.databind.JsonNode n, List<String> out, String formType) {
    if (n.isObject()) {
      for (var e : n.properties()) {
        flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out, formType);
      }
    } else if (n.isArray() && n.size() > 0 && n.get(0).isObject()) {
      int i = 1;
      for (tools.jackson.databind.JsonNode item : n) {
        List<String> inner = new ArrayList<>();
        flatten(path, item, inner, formType);
        out.add(label(path) + " " + i++ + ": (" + String.join(", ", inner) + ")");
      }
    } else {
      out.add(label(path) + ": " + (n.isArray() ? n.toString() : leaf(path, n.asString(), formType)));
    }
  }

  /**
   * One flattened value in words: a code of form {@code formType}'s field (or, without a form, of the record field
   * with that path, else of the first form field with that id) as its label; true and false as yes and no.
   */
  private String leaf(String path, String v, String formType) {
    if (formType != null) {
      var x = protocol().form(formType).flatMap(d -> d.field(path));
      if (x.isPresent()) {
        return x.get().valueLabel(v);
      }
    } else {
      RecordField r = recordField(path);
      if (r != null) {
        return r.valueLabel(v);
      }
      for (FormDefinition d : protocol().forms()) {
        var x = d.field(path);
        if (x.isPresent()) {
          return x.get().valueLabel(v);
        }
      }
    }
    return ValueLabels.flag(v);
  }

  /**
   * The parts of a structured value in words: a CTCAE term is stored as {@code term}, {@code meddraCode},
   * {@code soc} and {@code otherSpecify} (CtcaeFormFields); another part as it is.
   */
  static String part(String key) {
    return switch (key) {
      case "term" -> "term";
      case "meddraCode" -> "MedDRA code";
      case "soc" -> "system organ class";
      case "otherSpecify" -> "event in words";
      default -> key;
    };
  }

  /** A path's label: the record field's, else a form field's, else a part's, else the path through {@link #text}. */
  private String label(String path) {
    String l = keys(protocol()).labels().get(path);
    if (l != null) {
      return l;
    }
    if (!part(path).equals(path)) {
      return part(path);
    }
    for (FormDefinition d : protocol().forms()) {
      var x = d.field(path);
      if (x.isPresent()) {
        return x.get().label();
      }
    }
    return text(path);
  }

  /** Free text with every record path and code-like form field key replaced by its label (see the class comment). */
  public String text(String s) {
    if (s == null || s.isEmpty()) {
      return s == null ? "" : s;
    }
    Keys keys = keys(protocol());
    String t = s.replace("screeningRecord.", "");
    if (keys.afterPath() != null) {
      // a record code after its path, before the path becomes its label: diagnosis.histology = nsclc-nos
      StringBuilder after = new StringBuilder();
      Matcher v = keys.afterPath().matcher(t);
      while (v.find()) {
        RecordField f = protocol().record().field(v.group(1));
        v.appendReplacement(after, Matcher.quoteReplacement(v.group(1) + " = " + f.valueLabel(v.group(2))));
      }
      v.appendTail(after);
      t = after.toString();
    }
    StringBuilder out = new StringBuilder();
    Matcher m = keys.pattern().matcher(t);
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(keys.labels().get(m.group(1))));
    }
    m.appendTail(out);
    t = out.toString();
    if (keys.codePattern() != null) {
      // a hyphenated code anywhere (one of distant-node, skin-soft-tissue): no prose word is written so
      StringBuilder coded = new StringBuilder();
      Matcher c = keys.codePattern().matcher(t);
      while (c.find()) {
        c.appendReplacement(coded, Matcher.quoteReplacement(keys.codes().get(c.group(1))));
      }
      c.appendTail(coded);
      t = coded.toString();
    }
    return constants(visits(t));
  }

  /** The server's state constants inside free text ("this one is SCREEN_FAILED") in lower-case words. */
  private static String constants(String s) {
    StringBuilder out = new StringBuilder();
    Matcher m = STATES.matcher(s);
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group().toLowerCase(Locale.ROOT).replace('_', ' ')));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static final Pattern STATES = Pattern.compile("\\b(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|"
      + String.join("|", states()) + ")\\b");

  private static List<String> states() {
    List<String> out = new ArrayList<>();
    for (Enum<?> e : org.oligotrial.server.participant.ParticipantStatus.values()) {
      out.add(e.name());
    }
    for (Enum<?> e : org.oligotrial.eligibility.Verdict.values()) {
      out.add(e.name());
    }
    for (Enum<?> e : org.oligotrial.eligibility.CriterionStatus.values()) {
      out.add(e.name());
    }
    out.addAll(List.of("ENTERED", "SIGNED", "LOCKED", "OPEN", "ANSWERED", "CLOSED"));
    return out;
  }

  /** {@code visit-id #n} as the visit's name and occurrence. */
  private String visits(String s) {
    if (!s.contains(" #")) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    Matcher m = Pattern.compile("(?<![\\w-])([a-z][a-z0-9-]*) #(\\d+)").matcher(s);
    while (m.find()) {
      String id = m.group(1);
      boolean visit = protocol().visits().stream().anyMatch(v -> v.id().equals(id));
      boolean form = protocol().form(id).isPresent();
      String words = visit ? visit(id, Integer.valueOf(m.group(2)))
          : form ? form(id) + " " + m.group(2) : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(words));
    }
    m.appendTail(out);
    return out.toString();
  }

  private Protocol protocol() {
    return currentTrial.trial().protocol();
  }

  /**
   * A protocol's keys with their labels, and the pattern that finds them; its hyphenated codes with their labels and
   * the pattern that finds them (null when none); the pattern of a record code or flag path followed by
   * {@code " = "} and a value (null when none).
   */
  record Keys(Map<String, String> labels, Pattern pattern, Map<String, String> codes, Pattern codePattern,
      Pattern afterPath) {}

  /** By protocol id and object identity: a protocol record's own hash would walk the whole protocol. */
  private static final Map<String, Keys> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

  /** Key to label: record paths (and their last part when code-like), code-like form field ids. */
  static Keys keys(Protocol p) {
    return KEYS.computeIfAbsent(p.id() + "@" + System.identityHashCode(p), k -> {
      Map<String, String> labels = collect(p);
      Map<String, String> codes = hyphenatedCodes(p);
      List<String> paths = new ArrayList<>();
      if (p.record() != null) {
        for (RecordField f : p.record().fields()) {
          for (RecordField x : concat(f, f.items())) {
            if (x.type() == RecordField.Type.CODE || x.type() == RecordField.Type.FLAG) {
              paths.add(x.path());
            }
          }
        }
      }
      paths.sort(Comparator.comparingInt(String::length).reversed());
      Pattern afterPath = paths.isEmpty() ? null : Pattern.compile("(?<![\\w.-])("
          + String.join("|", paths.stream().map(Pattern::quote).toList()) + ") = ([A-Za-z0-9][\\w-]*)");
      return new Keys(labels, pattern(labels), codes, codes.isEmpty() ? null : pattern(codes), afterPath);
    });
  }

  private static List<RecordField> concat(RecordField f, List<RecordField> items) {
    List<RecordField> out = new ArrayList<>();
    out.add(f);
    out.addAll(items);
    return out;
  }

  /**
   * The protocol's codes with a hyphen (record codes, then form choices) whose label differs from the code, each with
   * its first field's label.
   */
  static Map<String, String> hyphenatedCodes(Protocol p) {
    Map<String, String> out = new LinkedHashMap<>();
    if (p.record() != null) {
      for (RecordField f : p.record().fields()) {
        for (RecordField x : concat(f, f.items())) {
          for (String c : x.codes()) {
            if (c.contains("-") && !x.valueLabel(c).equals(c)) {
              out.putIfAbsent(c, x.valueLabel(c));
            }
          }
        }
      }
    }
    for (FormDefinition d : p.forms()) {
      for (FormField f : d.fields()) {
        for (String c : f.values()) {
          if (c.contains("-") && !f.valueLabel(c).equals(c)) {
            out.putIfAbsent(c, f.valueLabel(c));
          }
        }
      }
    }
    return out;
  }

  private static Map<String, String> collect(Protocol p) {
    Map<String, String> out = new LinkedHashMap<>();
    if (p.record() != null) {
      for (RecordField f : p.record().fields()) {
        add(out, f);
        f.items().forEach(i -> add(out, i));
      }
      // a laboratory value's record path (labs.WBC, labs.WBC.uln) as its form row's label, WBC (white blood cells)
      for (String a : p.record().labs()) {
        if (LabUnits.isAnalyte(a)) {
          out.putIfAbsent("labs." + a, labName(a));
          out.putIfAbsent("labs." + a + ".value", labName(a));
          out.putIfAbsent("labs." + a + ".unit", labName(a) + " unit");
          out.putIfAbsent("labs." + a + ".uln", labName(a) + " upper limit of normal");
        }
      }
    }
    for (FormDefinition d : p.forms()) {
      for (FormField f : d.fields()) {
        if (codeLike(f.id())) {
          out.putIfAbsent(f.id(), f.label());
        }
      }
    }
    return out;
  }

  private static void add(Map<String, String> out, RecordField f) {
    if (f.label() == null) {
      return;
    }
    out.putIfAbsent(f.path(), f.label());
    if (codeLike(f.name())) {
      out.putIfAbsent(f.name(), f.label());
    }
  }

  private static boolean codeLike(String key) {
    return key.contains(".") || key.matches(".*[a-z][A-Z].*");
  }

  private static Pattern pattern(Map<String, String> keys) {
    List<String> sorted = new ArrayList<>(keys.keySet());
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    List<String> quoted = sorted.stream().map(Pattern::quote).toList();
    return Pattern.compile("(?<![\\w.-])(" + String.join("|", quoted) + ")(?![\\w-]|\\.\\w)");
  }
}

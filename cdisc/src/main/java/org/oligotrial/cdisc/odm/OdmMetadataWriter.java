package org.oligotrial.cdisc.odm;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.oligotrial.cdisc.model.AdminInfo;
import org.oligotrial.cdisc.model.FormLayout;
import org.oligotrial.protocol.EditCheck;
import org.oligotrial.protocol.Endpoint;
import org.oligotrial.protocol.FactorLevel;
import org.oligotrial.protocol.FormDefinition;
import org.oligotrial.protocol.Range;
import org.oligotrial.protocol.StratificationFactor;
import org.oligotrial.protocol.Visit;
import org.oligotrial.units.LabUnits;

/**
 * Writes the {@code Study} (metadata) and {@code AdminData} elements of an ODM 1.3.2 file from the protocol and
 * the administrative data. The mapping (docs/cdisc.md, "ODM metadata"): visits to {@code StudyEventDef}
 * (repeating when the visit recurs), forms to {@code FormDef}, {@link FormLayout} groups to {@code ItemGroupDef},
 * fields to {@code ItemDef} with {@code Question}, {@code Length}, {@code MeasurementUnitRef}, {@code RangeCheck}
 * (hard: the field's range; soft: a {@code range} edit check) and {@code CodeListRef}; choice values to
 * {@code CodeList}; the CTCAE term to a code list holding an {@code ExternalCodeList} (CTCAE v5.0, MedDRA codes);
 * edit checks and {@code requiredWhen} conditions to {@code ConditionDef}; endpoint derivations to
 * {@code MethodDef} (in words). Not thread-safe (one writer per file).
 */
final class OdmMetadataWriter {
  private final Xml x;
  private final OdmStudy study;

  OdmMetadataWriter(Xml x, OdmStudy study) {
    this.x = x;
    this.study = study;
  }

  void writeStudy() {
    var p = study.protocol();
    x.start("Study").attr("OID", study.studyOid());
    x.start("GlobalVariables");
    x.element("StudyName", p.id());
    x.element("StudyDescription", p.title());
    x.element("ProtocolName", p.id());
    x.end();
    Set<String> units = study.units();
    if (!units.isEmpty()) {
      x.start("BasicDefinitions");
      for (String u : units) {
        x.start("MeasurementUnit").attr("OID", OdmStudy.unit(u)).attr("Name", u);
        x.translated("Symbol", u);
        x.end();
      }
      x.end();
    }
    x.start("MetaDataVersion").attr("OID", study.metaDataVersionOid())
        .attr("Name", p.id() + " forms " + OdmStudy.fingerprint(p))
        .attr("Description", "Case report forms of protocol " + p.id());
    protocolElement();
    studyEventDefs();
    formDefs();
    itemGroupDefs();
    itemDefs();
    codeLists();
    conditionDefs();
    methodDefs();
    x.end();
    x.end();
  }

  private void protocolElement() {
    var p = study.protocol();
    x.start("Protocol");
    x.translated("Description", p.title());
    int order = 1;
    x.start("StudyEventRef").attr("StudyEventOID", OdmStudy.RANDOMIZATION_EVENT).attr("OrderNumber", order++)
        .attr("Mandatory", "Yes").end();
    for (Visit v : p.visits()) {
      x.start("StudyEventRef").attr("StudyEventOID", OdmStudy.event(v.id())).attr("OrderNumber", order++)
          .attr("Mandatory", v.arm() == null && v.regimenCategory() == null ? "Yes" : "No").end();
    }
    x.start("StudyEventRef").attr("StudyEventOID", OdmStudy.LOG_EVENT).attr("OrderNumber", order)
        .attr("Mandatory", "No").end();
    x.end();
  }

  private void studyEventDefs() {
    x.start("StudyEventDef").attr("OID", OdmStudy.RANDOMIZATION_EVENT).attr("Name", "randomization")
        .attr("Repeating", "No").attr("Type", "Scheduled");
    x.translated("Description", "allocation: arm, date and the stratification factors as randomized");
    x.start("FormRef").attr("FormOID", OdmStudy.RANDOMIZATION_FORM).attr("Mandatory", "Yes").end();
    x.end();
    for (Visit v : study.protocol().visits()) {
      x.start("StudyEventDef").attr("OID", OdmStudy.event(v.id())).attr("Name", v.name())
          .attr("Repeating", v.everyDays() != null ? "Yes" : "No").attr("Type", "Scheduled")
          .attr("Category", v.arm() != null ? "arm " + v.arm() : v.regimenCategory());
      x.translated("Description", "day " + v.firstDay()
          + (v.everyDays() != null ? ", every " + v.everyDays() + " days" : "")
          + (v.untilDay() != null ? " until day " + v.untilDay() : "")
          + ", window -" + v.windowBeforeDays() + "/+" + v.windowAfterDays() + " days"
          + (v.description() == null ? "" : ": " + v.description()));
      for (FormDefinition f : study.formsOf(v.id())) {
        x.start("FormRef").attr("FormOID", OdmStudy.form(f.id())).attr("Mandatory", "No").end();
      }
      x.end();
    }
    x.start("StudyEventDef").attr("OID", OdmStudy.LOG_EVENT).attr("Name", "log (events not tied to a visit)")
        .attr("Repeating", "No").attr("Type", "Common");
    for (FormDefinition f : study.protocol().forms()) {
      x.start("FormRef").attr("FormOID", OdmStudy.form(f.id())).attr("Mandatory", "No").end();
    }
    x.end();
  }

  private void formDefs() {
    x.start("FormDef").attr("OID", OdmStudy.RANDOMIZATION_FORM).attr("Name", "randomization").attr("Repeating", "No");
    x.start("ItemGroupRef").attr("ItemGroupOID", OdmStudy.RANDOMIZATION_GROUP).attr("Mandatory", "Yes").end();
    x.end();
    for (FormDefinition f : study.protocol().forms()) {
      x.start("FormDef").attr("OID", OdmStudy.form(f.id())).attr("Name", f.name()).attr("Repeating", "Yes");
      x.translated("Description", f.name() + (f.dateField() == null ? "" : "; dated by field " + f.dateField()));
      int order = 1;
      for (FormLayout.Group g : FormLayout.of(f).groups()) {
        x.start("ItemGroupRef").attr("ItemGroupOID", OdmStudy.group(f.id(), g.id())).attr("OrderNumber", order++)
            .attr("Mandatory", g.repeating() ? "No" : "Yes").end();
      }
      x.end();
    }
  }

  /**
   * The enrolment items of the randomization form (OID, name, type, length, question): how the subject entered the
   * trial, which ODM has no element for; an import into an empty database registers the subject with them.
   */
  private static final String[][] ENROLMENT = {
    {OdmStudy.SCRNUM_ITEM, "SCRNUM", "text", "64", "screening number"},
    {OdmStudy.SCRVERDICT_ITEM, "SCRVERD", "text", "32", "verdict of the latest screening"},
    {OdmStudy.SCRREC_ITEM, "SCRREC", "text", "9999", "latest screening record (JSON)"},
    {OdmStudy.STATUS_ITEM, "STATUS", "text", "32", "participant status"},
    {OdmStudy.ICFVER_ITEM, "ICFVER", "text", "64", "informed consent form version"},
    {OdmStudy.ICFDT_ITEM, "ICFDT", "date", "", "date of informed consent"},
    {OdmStudy.ICFBY_ITEM, "ICFBY", "text", "200", "consent obtained by"},
  };

  private void itemGroupDefs() {
    x.start("ItemGroupDef").attr("OID", OdmStudy.RANDOMIZATION_GROUP).attr("Name", "randomization")
        .attr("Repeating", "No");
    x.start("ItemRef").attr("ItemOID", OdmStudy.ARM_ITEM).attr("OrderNumber", 1).attr("Mandatory", "Yes").end();
    x.start("ItemRef").attr("ItemOID", OdmStudy.RANDDT_ITEM).attr("OrderNumber", 2).attr("Mandatory", "Yes").end();
    int order = 3;
    for (String[] e : ENROLMENT) {
      x.start("ItemRef").attr("ItemOID", e[0]).attr("OrderNumber", order++).attr("Mandatory", "No").end();
    }
    for (StratificationFactor s : study.protocol().stratification()) {
      x.start("ItemRef").attr("ItemOID", OdmStudy.stratum(s.id())).attr("OrderNumber", order++)
          .attr("Mandatory", "No").end();
    }
    x.end();
    for (FormDefinition f : study.protocol().forms()) {
      for (FormLayout.Group g : FormLayout.of(f).groups()) {
        x.start("ItemGroupDef").attr("OID", OdmStudy.group(f.id(), g.id())).attr("Name", g.label())
            .attr("Repeating", g.repeating() ? "Yes" : "No");
        int seq = 1;
        for (FormLayout.Column c : g.columns()) {
          String cond = null;
          if (g.id().equals(FormLayout.MAIN) && f.field(c.id()).isPresent()) {
            var ff = f.field(c.id()).orElseThrow();
            if (ff.requiredWhen() != null) {
              cond = condition(f.id(), c.id());
            }
          }
          x.start("ItemRef").attr("ItemOID", OdmStudy.item(f.id(), g.id(), c.id())).attr("OrderNumber", seq++)
              .attr("Mandatory", c.required() ? "Yes" : "No").attr("CollectionExceptionConditionOID", cond).end();
        }
        x.end();
      }
    }
  }

  private static String condition(String formId, String fieldId) {
    return "COND." + formId + "." + fieldId;
  }

  private void itemDefs() {
    var p = study.protocol();
    x.start("ItemDef").attr("OID", OdmStudy.ARM_ITEM).attr("Name", "ARM").attr("DataType", "text")
        .attr("Length", p.arms().stream().mapToInt(a -> a.id().length()).max().orElse(1)).attr("SASFieldName", "ARM");
    x.translated("Question", "allocated arm");
    x.start("CodeListRef").attr("CodeListOID", "CL.ARM").end();
    x.end();
    x.start("ItemDef").attr("OID", OdmStudy.RANDDT_ITEM).attr("Name", "RANDDT").attr("DataType", "date")
        .attr("SASFieldName", "RANDDT");
    x.translated("Question", "date of randomization");
    x.end();
    for (String[] e : ENROLMENT) {
      x.start("ItemDef").attr("OID", e[0]).attr("Name", e[1]).attr("DataType", e[2])
          .attr("Length", e[3].isEmpty() ? null : e[3]).attr("SASFieldName", e[1]);
      x.translated("Question", e[4]);
      x.end();
    }
    for (StratificationFactor s : p.stratification()) {
      x.start("ItemDef").attr("OID", OdmStudy.stratum(s.id())).attr("Name", s.id()).attr("DataType", "text")
          .attr("Length", s.levels().stream().mapToInt(l -> l.code().length()).max().orElse(1));
      x.translated("Question", s.name() + " (as randomized)");
      x.start("CodeListRef").attr("CodeListOID", "CL.STRAT." + s.id()).end();
      x.end();
    }
    for (FormDefinition f : p.forms()) {
      for (FormLayout.Group g : FormLayout.of(f).groups()) {
        for (FormLayout.Column c : g.columns()) {
          itemDef(f, g, c);
        }
      }
    }
  }

  private void itemDef(FormDefinition f, FormLayout.Group g, FormLayout.Column c) {
    x.start("ItemDef").attr("OID", OdmStudy.item(f.id(), g.id(), c.id())).attr("Name", c.id())
        .attr("DataType", c.dataType())
        .attr("Length", c.dataType().equals("date") || c.dataType().equals("datetime")
            || c.dataType().equals("boolean") ? null : c.length())
        .attr("SignificantDigits", c.dataType().equals("float") ? 3 : null)
        .attr("Origin", "CRF");
    x.translated("Question", c.label());
    if (c.unit() != null) {
      x.start("MeasurementUnitRef").attr("MeasurementUnitOID", OdmStudy.unit(c.unit())).end();
    }
    if (c.range() != null) {
      rangeChecks(c.range(), "Hard", null);
    }
    if (g.id().equals(FormLayout.MAIN)) {
      for (EditCheck ec : study.protocol().editChecks()) {
        if (ec.kind().equals("range") && c.id().equals(ec.field()) && ec.appliesTo(f.id()) && ec.range() != null) {
          rangeChecks(ec.range(), ec.blocks() ? "Hard" : "Soft", ec.id() + ": " + ec.message());
        }
      }
    }
    if (!c.codes().isEmpty()) {
      x.start("CodeListRef").attr("CodeListOID", OdmStudy.codeList(f.id(), c.id())).end();
    } else if (c.dictionary() != null) {
      x.start("CodeListRef").attr("CodeListOID", "CL." + c.dictionary()).end();
    }
    x.end();
  }

  private void rangeChecks(Range r, String softHard, String message) {
    if (r.min() != null) {
      rangeCheck(r.minInclusive() ? "GE" : "GT", r.min(), softHard, message);
    }
    if (r.max() != null) {
      rangeCheck(r.maxInclusive() ? "LE" : "LT", r.max(), softHard, message);
    }
  }

  private void rangeCheck(String comparator, java.math.BigDecimal v, String softHard, String message) {
    x.start("RangeCheck").attr("Comparator", comparator).attr("SoftHard", softHard);
    x.element("CheckValue", LabUnits.plain(v));
    if (message != null) {
      x.translated("ErrorMessage", message);
    }
    x.end();
  }

  private void codeLists() {
    var p = study.protocol();
    x.start("CodeList").attr("OID", "CL.ARM").attr("Name", "arm").attr("DataType", "text");
    for (var a : p.arms()) {
      x.start("CodeListItem").attr("CodedValue", a.id());
      x.translated("Decode", a.name());
      x.end();
    }
    x.end();
    for (StratificationFactor s : p.stratification()) {
      x.start("CodeList").attr("OID", "CL.STRAT." + s.id()).attr("Name", s.name()).attr("DataType", "text");
      for (FactorLevel l : s.levels()) {
        x.start("CodeListItem").attr("CodedValue", l.code());
        x.translated("Decode", l.label());
        x.end();
      }
      x.end();
    }
    for (FormDefinition f : p.forms()) {
      for (FormLayout.Group g : FormLayout.of(f).groups()) {
        for (FormLayout.Column c : g.columns()) {
          if (!c.codes().isEmpty() && g.id().equals(FormLayout.MAIN)) {
            // a protocol choice field: each code decoded by its label from the protocol (valueLabels)
            var field = f.field(c.id());
            codeList(OdmStudy.codeList(f.id(), c.id()), f.name() + ": " + c.label(), c.codes(),
                code -> field.map(ff -> ff.valueLabel(code)).orElse(code));
          } else if (!c.codes().isEmpty()) {
            codeList(OdmStudy.codeList(f.id(), c.id()), f.name() + ": " + c.label(), c.codes());
          }
        }
      }
    }
    x.start("CodeList").attr("OID", "CL.CTCAE").attr("Name", "CTCAE v5.0 term").attr("DataType", "text");
    x.translated("Description", "CTCAE v5.0 terms, each carrying its MedDRA v20.1 code");
    x.start("ExternalCodeList").attr("Dictionary", "CTCAE").attr("Version", "5.0")
        .attr("href", "https://ctep.cancer.gov/protocoldevelopment/electronic_applications/ctc.htm").end();
    x.end();
    x.start("CodeList").attr("OID", "CL.MEDDRA").attr("Name", "MedDRA code").attr("DataType", "text");
    x.translated("Description", "the MedDRA v20.1 code CTCAE v5.0 gives its term: the lowest level term's code, for"
        + " an \"Other, specify\" term the system organ class's code");
    x.start("ExternalCodeList").attr("Dictionary", "MedDRA").attr("Version", "20.1").end();
    x.end();
    codeList("CL.QUERYSTATUS", "query status", QUERY_STATUSES);
    codeList("CL.FLAGTYPE", "annotation flag type", List.of("query"));
  }

  /** The codes of a query's status flag. */
  static final List<String> QUERY_STATUSES = List.of("open", "answered", "closed");

  private void codeList(String oid, String name, List<String> codes) {
    codeList(oid, name, codes, code -> code);
  }

  private void codeList(String oid, String name, List<String> codes,
      java.util.function.UnaryOperator<String> decode) {
    x.start("CodeList").attr("OID", oid).attr("Name", name).attr("DataType", "text");
    for (String code : new LinkedHashSet<>(codes)) {
      x.start("CodeListItem").attr("CodedValue", code);
      x.translated("Decode", decode.apply(code));
      x.end();
    }
    x.end();
  }

  private void conditionDefs() {
    for (FormDefinition f : study.protocol().forms()) {
      for (var ff : f.fields()) {
        if (ff.requiredWhen() != null) {
          x.start("ConditionDef").attr("OID", condition(f.id(), ff.id()))
              .attr("Name", f.id() + "." + ff.id() + " not collected");
          x.translated("Description", ff.label() + " is collected only when " + ff.requiredWhen().field()
              + " is one of " + String.join(", ", ff.requiredWhen().values()));
          x.start("FormalExpression").attr("Context", "XPath")
              .text("not(" + String.join(" or ", ff.requiredWhen().values().stream()
                  .map(v -> "../ItemData[@ItemOID='" + OdmStudy.item(f.id(), FormLayout.MAIN,
                      ff.requiredWhen().field()) + "']/@Value='" + v + "'").toList()) + ")")
              .end();
          x.end();
        }
      }
    }
    for (EditCheck ec : study.protocol().editChecks()) {
      x.start("ConditionDef").attr("OID", "EC." + ec.id()).attr("Name", ec.id() + " " + ec.kind());
      x.translated("Description", ec.message() + " (severity " + ec.severity()
          + (ec.forms().isEmpty() ? "" : "; forms " + String.join(", ", ec.forms()))
          + (ec.exceptForms().isEmpty() ? "" : "; except " + String.join(", ", ec.exceptForms()))
          + (ec.field() == null ? "" : "; field " + ec.field())
          + (ec.otherField() == null ? "" : " against " + ec.otherField())
          + (ec.range() == null ? "" : "; range " + ec.range().describe())
          + (ec.arm() == null ? "" : "; arm " + ec.arm()) + ")");
      x.start("FormalExpression").attr("Context", "OligoTrial edit check").text(ec.kind()).end();
      x.end();
    }
  }

  private void methodDefs() {
    for (Endpoint e : study.protocol().endpoints()) {
      x.start("MethodDef").attr("OID", "MT." + e.id()).attr("Name", e.name()).attr("Type", "Computation");
      x.translated("Description", e.kind() + " endpoint: " + e.definition());
      x.start("FormalExpression").attr("Context", "OligoTrial endpoint derivation (core EndpointDerivation)")
          .text(e.id()).end();
      x.end();
    }
  }

  /** Writes {@code AdminData}: users, sites as {@code Location}, signature meanings as {@code SignatureDef}. */
  void writeAdmin(AdminInfo admin, String effectiveDate) {
    x.start("AdminData").attr("StudyOID", study.studyOid());
    for (AdminInfo.User u : admin.users()) {
      x.start("User").attr("OID", OdmStudy.user(u.username())).attr("UserType", userType(u.role()));
      x.element("LoginName", u.username());
      x.element("DisplayName", u.username() + " (" + u.role() + ")");
      if (u.fullName() != null) {
        x.element("FullName", u.fullName());
      }
      if (u.siteCode() != null) {
        x.start("LocationRef").attr("LocationOID", OdmStudy.location(u.siteCode())).end();
      }
      x.end();
    }
    for (AdminInfo.Site s : admin.sites()) {
      x.start("Location").attr("OID", OdmStudy.location(s.code())).attr("Name", s.name()).attr("LocationType", "Site");
      x.start("MetaDataVersionRef").attr("StudyOID", study.studyOid())
          .attr("MetaDataVersionOID", study.metaDataVersionOid()).attr("EffectiveDate", effectiveDate).end();
      x.end();
    }
    for (AdminInfo.SignatureMeaning m : admin.signatureMeanings()) {
      x.start("SignatureDef").attr("OID", OdmStudy.signatureDef(m.id())).attr("Methodology", "Electronic");
      x.element("Meaning", m.meaning());
      x.element("LegalReason", m.legalReason());
      x.end();
    }
    x.end();
  }

  private static String userType(String role) {
    return switch (role == null ? "" : role) {
      case "investigator" -> "Investigator";
      case "data-manager", "statistician", "monitor", "admin", "sponsor" -> "Sponsor";
      default -> "Other";
    };
  }
}

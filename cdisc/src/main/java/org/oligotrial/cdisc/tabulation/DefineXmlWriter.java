package org.oligotrial.cdisc.tabulation;

import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.oligotrial.cdisc.odm.Xml;
import org.oligotrial.protocol.Protocol;

/**
 * Writes Define-XML 2.1 (validated against {@code define-extension-2.1.xsd} in the tests) describing a set of SDTM
 * or ADaM datasets: {@code def:Standards}; one {@code ItemGroupDef} per dataset with its class, structure, keys
 * ({@code KeySequence}) and {@code def:leaf} pointing at the data file; one {@code ItemDef} per variable with its
 * type, length, {@code def:Origin} (Collected with Source Investigator, Derived, Assigned, Protocol, Predecessor)
 * and code list; {@code MethodDef}s with each derivation in words; code lists of the values the datasets use
 * (sponsor-defined, from the data, with the CDISC terms where the variable has CDISC controlled terminology;
 * MedDRA as an external dictionary); value-level metadata ({@code def:ValueListDef} with
 * {@code def:WhereClauseDef}) for the result variables whose type depends on the test: TS.TSVAL by TSPARMCD,
 * TR.TRORRES by TRTESTCD, RS.RSORRES by RSTESTCD and QVAL of every SUPP-- dataset by QNAM. Not thread-safe.
 */
public final class DefineXmlWriter {
  private static final String ODM = "http://www.cdisc.org/ns/odm/v1.3";
  private static final String DEF = "http://www.cdisc.org/ns/def/v2.1";
  private static final String XLINK = "http://www.w3.org/1999/xlink";

  /** Result variable to the test variable that decides its value-level metadata. */
  private static final Map<String, String> VLM = Map.of("TSVAL", "TSPARMCD", "TRORRES", "TRTESTCD",
      "RSORRES", "RSTESTCD", "QVAL", "QNAM");

  private final Xml x;
  private final boolean adam;
  private final String extension;

  private DefineXmlWriter(Xml x, boolean adam, String extension) {
    this.x = x;
    this.adam = adam;
    this.extension = extension;
  }

  /**
   * Writes a define.xml.
   *
   * @param p the protocol (study name and description)
   * @param datasets the datasets, all SDTM or all ADaM
   * @param extension the data files' extension: {@code xpt} or {@code json}
   * @param created the creation time
   * @param out the stream (flushed, not closed)
   */
  public static void write(Protocol p, List<Dataset> datasets, String extension, Instant created, OutputStream out) {
    boolean adam = !datasets.isEmpty() && datasets.get(0).adam();
    Xml x = new Xml(out);
    new DefineXmlWriter(x, adam, extension).document(p, datasets, created);
    x.close();
  }

  /** The Study OID of the define.xml (and of the Dataset-JSON files it describes). */
  public static String studyOid(Protocol p) {
    return "ST." + p.id();
  }

  /** The MetaDataVersion OID: one per standard. */
  public static String metaDataVersionOid(Protocol p, boolean adam) {
    return "MDV." + p.id() + (adam ? ".ADaMIG.1.3" : ".SDTMIG.3.4");
  }

  private void document(Protocol p, List<Dataset> datasets, Instant created) {
    x.start("ODM");
    try {
      x.raw().writeDefaultNamespace(ODM);
      x.raw().writeNamespace("def", DEF);
      x.raw().writeNamespace("xlink", XLINK);
    } catch (javax.xml.stream.XMLStreamException e) {
      throw new java.io.UncheckedIOException(new java.io.IOException(e));
    }
    x.attr("ODMVersion", "1.3.2").attr("FileType", "Snapshot")
        .attr("FileOID", "DEF." + p.id() + (adam ? ".ADAM" : ".SDTM")).attr("CreationDateTime", created.toString())
        .attr("Originator", "OligoTrial").attr("SourceSystem", "OligoTrial").attr("def", DEF, "Context", "Other");
    x.start("Study").attr("OID", studyOid(p));
    x.start("GlobalVariables");
    x.element("StudyName", p.id());
    x.element("StudyDescription", p.title());
    x.element("ProtocolName", p.id());
    x.end();
    x.start("MetaDataVersion").attr("OID", metaDataVersionOid(p, adam))
        .attr("Name", p.id() + (adam ? " ADaM" : " SDTM") + " datasets")
        .attr("Description", (adam ? "ADaMIG 1.3" : "SDTMIG 3.4") + " datasets of " + p.id())
        .attr("def", DEF, "DefineVersion", "2.1.0");
    x.start("def", DEF, "Standards");
    x.start("def", DEF, "Standard").attr("OID", std()).attr("Name", adam ? "ADaMIG" : "SDTMIG").attr("Type", "IG")
        .attr("Version", adam ? "1.3" : "3.4").attr("Status", "Final").end();
    x.end();
    valueLists(datasets);
    for (Dataset d : datasets) {
      itemGroup(d);
    }
    Map<String, Boolean> numericCodes = new LinkedHashMap<>();
    Map<String, String> methods = new LinkedHashMap<>();
    for (Dataset d : datasets) {
      for (int i = 0; i < d.variables().size(); i++) {
        Variable v = d.variables().get(i);
        if (v.codeList() != null && !v.codeList().equals("MEDDRA")) {
          Set<String> seen = codes.computeIfAbsent(v.codeList(), k -> new LinkedHashSet<>(seed(p, k)));
          numericCodes.merge(v.codeList(), v.type() != Variable.Type.TEXT, (a, b) -> a && b);
          for (Object[] r : d.rows()) {
            if (r[i] != null) {
              seen.add(Dataset.text(r[i]));
            }
          }
        }
        if (v.method() != null) {
          methods.put(methodOid(d, v), v.method());
        }
      }
    }
    codes.values().removeIf(Set::isEmpty);
    for (Dataset d : datasets) {
      for (int i = 0; i < d.variables().size(); i++) {
        itemDef(d, i);
      }
    }
    vlmItemDefs(datasets);
    codes.forEach((id, values) -> {
      x.start("CodeList").attr("OID", "CL." + id).attr("Name", id)
          .attr("DataType", numericCodes.get(id) ? "integer" : "text");
      List<String> sorted = new ArrayList<>(values);
      java.util.Collections.sort(sorted);
      for (String c : sorted) {
        x.start("EnumeratedItem").attr("CodedValue", c).end();
      }
      x.end();
    });
    if (datasets.stream().anyMatch(d -> d.variables().stream().anyMatch(v -> "MEDDRA".equals(v.codeList())))) {
      x.start("CodeList").attr("OID", "CL.MEDDRA").attr("Name", "MedDRA").attr("DataType", "text");
      x.start("ExternalCodeList").attr("Dictionary", "MEDDRA").attr("Version", "20.1").end();
      x.end();
    }
    methods.forEach((oid, how) -> {
      x.start("MethodDef").attr("OID", oid).attr("Name", "Algorithm for " + oid.substring(3))
          .attr("Type", "Computation");
      x.translated("Description", how);
      x.end();
    });
    for (Dataset d : datasets) {
      x.start("def", DEF, "leaf").attr("ID", "LF." + d.name())
          .attr("xlink", XLINK, "href", d.name().toLowerCase(Locale.ROOT) + "." + extension);
      x.start("def", DEF, "title").text(d.name().toLowerCase(Locale.ROOT) + "." + extension).end();
      x.end();
    }
    x.end();
    x.end();
    x.end();
  }

  /** Terms a code list has whether or not the data use them: the CDISC terms held, the protocol's codes. */
  private static List<String> seed(Protocol p, String codeList) {
    Set<String> ct = Conformance.terms(codeList);
    if (ct != null) {
      return new ArrayList<>(ct);
    }
    if (codeList.startsWith("STRAT.")) {
      return p.stratification().stream().filter(f -> f.id().equals(codeList.substring(6))).findFirst()
          .map(f -> f.levels().stream().map(org.oligotrial.protocol.FactorLevel::code).toList()).orElse(List.of());
    }
    if (codeList.equals("ARMCD")) {
      return p.arms().stream().map(a -> TrialDesign.armcd(a.id())).toList();
    }
    return List.of();
  }

  private final Map<String, Set<String>> codes = new LinkedHashMap<>();

  private String std() {
    return adam ? "STD.ADAMIG.1.3" : "STD.SDTMIG.3.4";
  }

  private static String methodOid(Dataset d, Variable v) {
    return "MT." + d.name() + "." + v.name();
  }

  private void itemGroup(Dataset d) {
    boolean design = d.datasetClass().equals("TRIAL DESIGN");
    x.start("ItemGroupDef").attr("OID", "IG." + d.name()).attr("Domain", adam ? null : domain(d))
        .attr("Name", d.name()).attr("Repeating", d.name().equals("DM") || d.name().equals("ADSL") ? "No" : "Yes")
        .attr("IsReferenceData", design ? "Yes" : "No").attr("SASDatasetName", d.name())
        .attr("Purpose", adam ? "Analysis" : "Tabulation").attr("def", DEF, "Structure", d.structure())
        .attr("def", DEF, "StandardOID", std()).attr("def", DEF, "ArchiveLocationID", "LF." + d.name());
    x.translated("Description", d.label());
    for (int i = 0; i < d.variables().size(); i++) {
      Variable v = d.variables().get(i);
      int key = d.keys().indexOf(v.name());
      x.start("ItemRef").attr("ItemOID", "IT." + d.name() + "." + v.name()).attr("OrderNumber", i + 1)
          .attr("Mandatory", v.mandatory() ? "Yes" : "No").attr("KeySequence", key >= 0 ? key + 1 : null)
          .attr("MethodOID", v.method() != null ? methodOid(d, v) : null).end();
    }
    x.start("def", DEF, "Class").attr("Name", d.datasetClass()).end();
    x.end();
  }

  private static String domain(Dataset d) {
    return d.name().startsWith("SUPP") ? d.name().substring(4) : d.name();
  }

  private String dataType(Dataset d, Variable v) {
    return switch (v.type()) {
      case TEXT -> "text";
      case INTEGER -> "integer";
      case FLOAT -> "float";
      case DATE -> adam ? "integer" : "date";
    };
  }

  private void itemDef(Dataset d, int i) {
    Variable v = d.variables().get(i);
    boolean dateNum = adam && v.type() == Variable.Type.DATE;
    x.start("ItemDef").attr("OID", "IT." + d.name() + "." + v.name()).attr("Name", v.name())
        .attr("DataType", dataType(d, v))
        .attr("Length", v.type() == Variable.Type.DATE && !adam ? null : d.length(i))
        .attr("SignificantDigits", v.type() == Variable.Type.FLOAT ? 3 : null).attr("SASFieldName", v.name())
        .attr("def", DEF, "DisplayFormat", dateNum ? "DATE9." : null);
    x.translated("Description", v.label());
    if (v.codeList() != null && (v.codeList().equals("MEDDRA") || codes.containsKey(v.codeList()))) {
      x.start("CodeListRef").attr("CodeListOID", "CL." + v.codeList()).end();
    }
    origin(v);
    if (VLM.containsKey(v.name()) && hasColumn(d, VLM.get(v.name()))) {
      x.start("def", DEF, "ValueListRef").attr("ValueListOID", "VL." + d.name() + "." + v.name()).end();
    }
    x.end();
  }

  private void origin(Variable v) {
    x.start("def", DEF, "Origin").attr("Type", v.origin().label())
        .attr("Source", v.origin() == Variable.Origin.COLLECTED ? "Investigator" : null);
    if (v.origin() == Variable.Origin.PREDECESSOR) {
      x.translated("Description", "SDTM " + (v.name().equals("TRT01P") || v.name().equals("TRTP") ? "ADSL.TRT01P"
          : "DM." + v.name()));
    }
    x.end();
  }

  private static boolean hasColumn(Dataset d, String name) {
    return d.variables().stream().anyMatch(v -> v.name().equals(name));
  }

  /** The tests of a result variable, with the type and length of their values. */
  private static Map<String, String[]> groups(Dataset d, String result) {
    int r = d.index(result);
    int t = d.index(VLM.get(result));
    Map<String, String[]> out = new LinkedHashMap<>();
    for (Object[] row : d.rows()) {
      String test = (String) row[t];
      if (test == null) {
        continue;
      }
      String[] g = out.computeIfAbsent(test, k -> new String[] {"integer", "1"});
      if (row[r] != null) {
        String v = Dataset.text(row[r]);
        g[1] = Integer.toString(Math.max(Integer.parseInt(g[1]), v.getBytes(java.nio.charset.StandardCharsets.UTF_8)
            .length));
        if (g[0].equals("integer") && !v.matches("-?\\d{1,9}")) {
          g[0] = v.matches("-?\\d+(\\.\\d+)?") ? "float" : "text";
        } else if (g[0].equals("float") && !v.matches("-?\\d+(\\.\\d+)?")) {
          g[0] = "text";
        }
      } else if (g[0].equals("integer")) {
        g[0] = "text";
      }
    }
    return out;
  }

  private void valueLists(List<Dataset> datasets) {
    List<String[]> where = new ArrayList<>();
    for (Dataset d : datasets) {
      for (Variable v : d.variables()) {
        if (!VLM.containsKey(v.name()) || !hasColumn(d, VLM.get(v.name()))) {
          continue;
        }
        Map<String, String[]> g = groups(d, v.name());
        x.start("def", DEF, "ValueListDef").attr("OID", "VL." + d.name() + "." + v.name());
        if (g.isEmpty()) {
          // a ValueListDef needs one ItemRef: the variable itself, for a dataset without rows
          g = Map.of("(none)", new String[] {"text", "1"});
        }
        int order = 1;
        for (String test : g.keySet()) {
          String w = "WC." + d.name() + "." + v.name() + "." + test;
          x.start("ItemRef").attr("ItemOID", "IT." + d.name() + "." + v.name() + "." + test)
              .attr("OrderNumber", order++).attr("Mandatory", "No");
          x.start("def", DEF, "WhereClauseRef").attr("WhereClauseOID", w).end();
          x.end();
          where.add(new String[] {w, "IT." + d.name() + "." + VLM.get(v.name()), test});
        }
        x.end();
      }
    }
    for (String[] w : where) {
      x.start("def", DEF, "WhereClauseDef").attr("OID", w[0]);
      x.start("RangeCheck").attr("Comparator", "EQ").attr("SoftHard", "Soft").attr("def", DEF, "ItemOID", w[1]);
      x.element("CheckValue", w[2]);
      x.end();
      x.end();
    }
  }

  private void vlmItemDefs(List<Dataset> datasets) {
    for (Dataset d : datasets) {
      for (Variable v : d.variables()) {
        if (!VLM.containsKey(v.name()) || !hasColumn(d, VLM.get(v.name()))) {
          continue;
        }
        Map<String, String[]> g = groups(d, v.name());
        if (g.isEmpty()) {
          g = Map.of("(none)", new String[] {"text", "1"});
        }
        g.forEach((test, t) -> {
          x.start("ItemDef").attr("OID", "IT." + d.name() + "." + v.name() + "." + test).attr("Name", v.name())
              .attr("DataType", t[0]).attr("Length", t[1]).attr("SASFieldName", v.name());
          x.translated("Description", v.label() + " where " + VLM.get(v.name()) + " = " + test);
          origin(v);
          x.end();
        });
      }
    }
  }
}

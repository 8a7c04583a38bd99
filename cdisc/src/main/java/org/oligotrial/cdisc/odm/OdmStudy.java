package org.oligotrial.cdisc.odm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.oligotrial.cdisc.model.FormLayout;
import org.oligotrial.protocol.FormDefinition;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.Visit;

/**
 * The ODM identity of a protocol and the OIDs of its parts. Naming (docs/cdisc.md, "ODM OIDs"):
 *
 * <pre>
 * Study            ST.{protocol id}                 MetaDataVersion  MDV.{protocol id}.{fingerprint}
 * StudyEventDef    SE.{visit id}, SE.RANDOMIZATION, SE.LOG (forms not tied to a visit)
 * FormDef          F.{form id}, F.RANDOMIZATION     ItemGroupDef     IG.{form id}.{group id}
 * ItemDef          I.{form id}.{group id}.{field}   CodeList         CL.{form id}.{field}, CL.ARM, CL.STRAT.{factor}
 * User             USR.{user name}                  Location         LOC.{site code}
 * SignatureDef     SD.{meaning id}                  MeasurementUnit  MU.{unit}
 * </pre>
 *
 * The fingerprint is the first 12 hex digits of SHA-256 over the protocol id, the visit ids and every form's
 * layout (form id, group id, field id, data type, codes, in order): a file written for one version of the forms is
 * recognised, and one written for another version is refused by {@link OdmReader}. Immutable and thread-safe.
 *
 * @param protocol the protocol
 * @param studyOid the Study OID
 * @param metaDataVersionOid the MetaDataVersion OID
 */
public record OdmStudy(Protocol protocol, String studyOid, String metaDataVersionOid) {
  /** The study event of the randomization form (arm, date, strata). */
  public static final String RANDOMIZATION_EVENT = "SE.RANDOMIZATION";
  /** The randomization form. */
  public static final String RANDOMIZATION_FORM = "F.RANDOMIZATION";
  /** The randomization item group. */
  public static final String RANDOMIZATION_GROUP = "IG.RANDOMIZATION";
  /** The study event holding forms not tied to a visit. */
  public static final String LOG_EVENT = "SE.LOG";

  /** The identity of a protocol. */
  public static OdmStudy of(Protocol protocol) {
    return new OdmStudy(protocol, "ST." + protocol.id(),
        "MDV." + protocol.id() + "." + fingerprint(protocol));
  }

  /** The fingerprint of the protocol's forms (see the class comment). */
  public static String fingerprint(Protocol p) {
    StringBuilder sb = new StringBuilder(p.id()).append('\n');
    for (Visit v : p.visits()) {
      sb.append("visit ").append(v.id()).append('\n');
    }
    for (FormDefinition f : p.forms()) {
      for (FormLayout.Group g : FormLayout.of(f).groups()) {
        for (FormLayout.Column c : g.columns()) {
          sb.append(f.id()).append('|').append(g.id()).append('|').append(c.id()).append('|').append(c.dataType())
              .append('|').append(String.join(",", c.codes())).append('\n');
        }
      }
    }
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The StudyEventDef OID of a visit id (null: the log). */
  public static String event(String visitId) {
    return visitId == null ? LOG_EVENT : "SE." + visitId;
  }

  /** The visit id of a StudyEventDef OID (null for the log). */
  public static String visit(String eventOid) {
    return eventOid.equals(LOG_EVENT) ? null : eventOid.substring(3);
  }

  public static String form(String formType) {
    return "F." + formType;
  }

  public static String group(String formType, String groupId) {
    return "IG." + formType + "." + groupId;
  }

  public static String item(String formType, String groupId, String fieldId) {
    return "I." + formType + "." + groupId + "." + fieldId;
  }

  public static String codeList(String formType, String fieldId) {
    return "CL." + formType + "." + fieldId;
  }

  public static String user(String username) {
    return "USR." + username;
  }

  public static String location(String siteCode) {
    return "LOC." + siteCode;
  }

  public static String signatureDef(String meaningId) {
    return "SD." + meaningId;
  }

  public static String unit(String unit) {
    return "MU." + unit.replace("%", "PCT").replace('/', '_');
  }

  /** The item OID of a stratification factor in the randomization form. */
  public static String stratum(String factorId) {
    return "I.RANDOMIZATION.STRAT." + factorId;
  }

  /** Item OID of the arm. */
  public static final String ARM_ITEM = "I.RANDOMIZATION.ARM";
  /** Item OID of the randomization date. */
  public static final String RANDDT_ITEM = "I.RANDOMIZATION.RANDDT";
  /** Item OID of the screening number (enrolment item of the randomization form). */
  public static final String SCRNUM_ITEM = "I.RANDOMIZATION.SCRNUM";
  /** Item OID of the latest screening's verdict. */
  public static final String SCRVERDICT_ITEM = "I.RANDOMIZATION.SCRVERDICT";
  /** Item OID of the latest screening record (JSON, docs/eligibility.md). */
  public static final String SCRREC_ITEM = "I.RANDOMIZATION.SCRREC";
  /** Item OID of the participant's status. */
  public static final String STATUS_ITEM = "I.RANDOMIZATION.STATUS";
  /** Item OID of the consent form's version. */
  public static final String ICFVER_ITEM = "I.RANDOMIZATION.ICFVER";
  /** Item OID of the date of consent. */
  public static final String ICFDT_ITEM = "I.RANDOMIZATION.ICFDT";
  /** Item OID of who obtained consent. */
  public static final String ICFBY_ITEM = "I.RANDOMIZATION.ICFBY";

  /** The forms placed in a visit's StudyEventDef (those listing the visit). */
  public List<FormDefinition> formsOf(String visitId) {
    List<FormDefinition> out = new ArrayList<>();
    for (FormDefinition f : protocol.forms()) {
      if (visitId == null ? true : f.visits().contains(visitId)) {
        out.add(f);
      }
    }
    return out;
  }

  /** Every distinct unit of the forms' fields, in order of appearance. */
  public Set<String> units() {
    Set<String> units = new LinkedHashSet<>();
    for (FormDefinition f : protocol.forms()) {
      for (FormLayout.Group g : FormLayout.of(f).groups()) {
        for (FormLayout.Column c : g.columns()) {
          if (c.unit() != null) {
            units.add(c.unit());
          }
        }
      }
    }
    return units;
  }
}

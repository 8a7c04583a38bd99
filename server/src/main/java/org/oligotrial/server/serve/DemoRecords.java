package org.oligotrial.server.serve;

/**
 * Synthetic screening records for the demo (invented people, no real data), in the screening-record format of
 * {@code examples/screening/}: most are eligible; number 3 is 72 at screening (over the age limit), number 6 has
 * seven metastatic lesions (more than five), number 5 has no haemoglobin result yet (incomplete).
 */
final class DemoRecords {
  private DemoRecords() {}

  static String record(int i) {
    String birth = i == 3 ? "1953-01-15" : (1955 + i) + "-0" + i + "-1" + i;
    String mets = i == 6 ? "{\"site\":\"bone\",\"lesions\":4},{\"site\":\"liver\",\"lesions\":3}"
        : "{\"site\":\"bone\",\"lesions\":" + (1 + i % 3) + "}";
    String egfr = "\"egfr\":\"" + (i % 2 == 0 ? "mutant" : "wild-type") + "\",";
    String hgb = i == 5 ? "" : "\"HGB\":{\"value\":118,\"unit\":\"g/L\"},";
    return "{\"id\":\"DEMO-" + i + "\",\"screeningDate\":\"2025-03-10\",\"birthDate\":\"" + birth + "\","
        + "\"sex\":\"" + (i % 2 == 0 ? "female" : "male") + "\",\"pregnant\":false,\"breastfeeding\":false,"
        + "\"diagnosis\":{\"histology\":\"" + (i % 3 == 0 ? "squamous" : "adenocarcinoma") + "\","
        + "\"confirmation\":\"histology\"},\"staging\":{\"t\":\"T2a\",\"n\":\"N1\",\"m\":\"M1b\"},"
        + "\"primaryTumor\":{\"longestDiameterMm\":" + (25 + i * 3) + "},\"metastases\":[" + mets + "],"
        + "\"intracranialMetastasis\":false,"
        + "\"ecog\":" + (i % 2) + ",\"priorTreatments\":[{\"type\":\"biopsy\"}],\"lifeExpectancyMonths\":12,"
        + "\"labs\":{\"WBC\":{\"value\":6.2,\"unit\":\"10^9/L\"},\"NEU\":{\"value\":3.9,\"unit\":\"10^9/L\"},"
        + "\"PLT\":{\"value\":245,\"unit\":\"10^9/L\"}," + hgb
        + "\"TBIL\":{\"value\":12.5,\"unit\":\"umol/L\",\"uln\":21},\"AST\":{\"value\":28,\"unit\":\"U/L\",\"uln\":40},"
        + "\"ALT\":{\"value\":31,\"unit\":\"U/L\",\"uln\":40},\"CREAT\":{\"value\":0.8,\"unit\":\"mg/dL\",\"uln\":1.1}},"
        + egfr + "\"canTolerateSystemicTherapy\":true,\"otherMalignancy\":false,"
        + "\"uncontrolledSeriousDisease\":false,\"allergies\":[],\"expectedToComplete\":true,\"consentSigned\":true}";
  }
}

package org.oligotrial.server.loadtest;

/** An eligible screening record (the one in {@code examples/screening/eligible.json}, without its id). */
final class SampleRecord {
  private SampleRecord() {}

  static final String ELIGIBLE = ""
      + "{\"screeningDate\":\"2025-03-10\",\"birthDate\":\"1962-07-21\",\"sex\":\"female\",\"pregnant\":false,\"br"
      + "eastfeeding\":false,\"diagnosis\":{\"histology\":\"adenocarcinoma\",\"confirmation\":\"histology\"},\""
      + "staging\":{\"t\":\"T2a\",\"n\":\"N1\",\"m\":\"M1b\"},\"primaryTumor\":{\"longestDiameterMm\":34},\"metastase"
      + "s\":[{\"site\":\"bone\",\"lesions\":2},{\"site\":\"brain\",\"lesions\":1}],\"intracranialMetastasis\":true,"
      + "\"ecog\":1,\"priorTreatments\":["
      + "{\"type\":\"biopsy\"}],\"lifeExpectancyMonths\":12,\"labs\":{\"WBC\":{\"value\":6.2,\"unit\":\"10^9/L\"},\""
      + "NEU\":{\"value\":3.9,\"unit\":\"10^9/L\"},\"PLT\":{\"value\":245,\"unit\":\"10^9/L\"},\"HGB\":{\"value\":118,"
      + "\"unit\":\"g/L\"},\"TBIL\":{\"value\":12.5,\"unit\":\"umol/L\",\"uln\":21},\"AST\":{\"value\":28,\"unit\":\"U/L"
      + "\",\"uln\":40},\"ALT\":{\"value\":31,\"unit\":\"U/L\",\"uln\":40},\"CREAT\":{\"value\":0.8,\"unit\":\"mg/dL\",\""
      + "uln\":1.1}},\"egfr\":\"mutant\",\"canTolerateSystemicTherapy\":true,\"otherMalignancy\":false,\"unco"
      + "ntrolledSeriousDisease\":false,\"allergies\":[],\"expectedToComplete\":true,\"consentSigned\":tru"
      + "e}";
}

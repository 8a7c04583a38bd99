package org.oligotrial.server.serve;

/** Synthetic screening records for the demo (invented people; no real data). */
final class DemoRecords {
  private DemoRecords() {}

  /** Record number {@code i} (1-6): mostly eligible-looking, number 3 too old, number 6 with 7 metastases. */
  static String record(int i) {
    int age = i == 3 ? 74 : 50 + i;
    int mets = i == 6 ? 7 : 1 + i % 3;
    return "{\"demo\":true,\"ageYears\":" + age + ",\"metastasisCount\":" + mets + ",\"ecog\":1}";
  }
}

package org.oligotrial.cli.analyze;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON writer of the analyze commands: pretty, arrays on one line, NaN written as null by the DTOs. */
final class SurvivalJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private SurvivalJson() {}

  static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }
}

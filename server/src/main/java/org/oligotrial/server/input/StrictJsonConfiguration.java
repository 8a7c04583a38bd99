package org.oligotrial.server.input;

import org.oligotrial.server.kernel.TextRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The one JSON mapper of the application (request bodies of the REST API, and the responses), configured strictly
 * once here rather than field by field. A request body is refused (400 naming the field, see the REST API's problem
 * handler) when it has
 *
 * <ul>
 *   <li>a property the request does not define ({@code FAIL_ON_UNKNOWN_PROPERTIES}; Jackson 3 ignores them by
 *       default), or the same key twice in one object ({@code STRICT_DUPLICATE_DETECTION}, also inside free-form
 *       values), or anything after the value ({@code FAIL_ON_TRAILING_TOKENS});
 *   <li>a value of the wrong JSON type: a number or boolean for text, a fraction or a string for an integer, a string
 *       for a number, a number or string for true/false, null for a primitive; a date that is not {@code YYYY-MM-DD}
 *       (no leniency: no epoch numbers, no 31 February);
 *   <li>a number that is not finite once read ({@code 1e400}), or longer than {@value #MAX_NUMBER_LENGTH} digits;
 *   <li>objects and arrays nested deeper than {@value #MAX_NESTING} levels, a property name longer than {@value
 *       #MAX_NAME_LENGTH} characters (a string value is bounded by the request size, 8 MiB, answered 413 by {@code
 *       RequestSizeLimit}, and by each field's own limit);
 *   <li>text that {@link TextRules} refuses (lone surrogates, bidirectional overrides, control characters).
 * </ul>
 *
 * <p>The limits are parser constraints (Jackson's {@link StreamReadConstraints}), checked while reading: a hostile
 * body costs no more than reading its bytes. The whole request is also bounded in size (8 MiB, {@code
 * RequestSizeLimit}).
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfiguration {
  /** Deepest nesting of objects and arrays in a request body (a screening record needs 5). */
  public static final int MAX_NESTING = 32;
  /** Longest number, in characters. */
  public static final int MAX_NUMBER_LENGTH = 64;
  /** Longest property name. */
  public static final int MAX_NAME_LENGTH = 200;

  /**
   * Spring Boot's mapper builder, on a JSON factory with the strict parser settings (the factory is fixed when the
   * builder is made, so it cannot be set by a customizer); Boot's own customizers (the {@code spring.jackson.*}
   * properties) are applied as usual, then {@link #strictJson()}.
   */
  @Bean
  @Scope("prototype")
  JsonMapper.Builder jsonMapperBuilder(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
    JsonMapper.Builder b = JsonMapper.builder(strictFactory());
    customizers.orderedStream().forEach(c -> c.customize(b));
    return b;
  }

  /** The JSON factory with the strict parser constraints and duplicate-key detection. */
  public static JsonFactory strictFactory() {
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
  }

  @Bean
  JsonMapperBuilderCustomizer strictJson() {
    return StrictJsonConfiguration::strict;
  }

  /** Applies the strict binding rules of the class comment to a mapper builder. */
  public static void strict(JsonMapper.Builder b) {
    b.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
            DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .defaultLeniency(false)
        .withCoercionConfig(LogicalType.Textual, c -> c
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Integer, c -> c
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Float, c -> c
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Boolean, c -> c
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Enum, c -> c
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
        .addModule(new SimpleModule("oligotrial-text-rules")
            .addDeserializer(String.class, CheckedText.Strings.SINGLE_LINE)
            .addKeyDeserializer(String.class, new CheckedText.Keys())
            .addDeserializer(JsonNode.class, new CheckedText.Trees()));
  }
}

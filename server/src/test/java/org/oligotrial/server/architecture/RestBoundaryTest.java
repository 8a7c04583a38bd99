package org.oligotrial.server.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/**
 * No stored type crosses the REST boundary: no public method of a REST controller takes or returns (also inside
 * generics) a type of the register's packages (participant, site, user, audit); controllers map to their own
 * records.
 */
class RestBoundaryTest {
  static final List<String> STORED = List.of("org.oligotrial.server.participant.", "org.oligotrial.server.site.",
      "org.oligotrial.server.user.", "org.oligotrial.server.audit.");

  @Test
  void controllersExposeOnlyTheirOwnRecords() {
    List<String> leaks = new ArrayList<>();
    int controllers = 0;
    for (JavaClass jc : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.oligotrial.server")) {
      if (!jc.isAnnotatedWith(RestController.class)) {
        continue;
      }
      controllers++;
      Class<?> c = jc.reflect();
      for (Method m : c.getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers())) {
          continue;
        }
        check(m.getGenericReturnType(), c.getSimpleName() + "." + m.getName() + " returns ", leaks);
        for (Type p : m.getGenericParameterTypes()) {
          check(p, c.getSimpleName() + "." + m.getName() + " takes ", leaks);
        }
      }
    }
    assertThat(controllers).isGreaterThanOrEqualTo(3);
    assertThat(leaks).isEmpty();
  }

  private static void check(Type t, String where, List<String> leaks) {
    if (t instanceof Class<?> k) {
      Class<?> base = k.isArray() ? k.getComponentType() : k;
      if (STORED.stream().anyMatch(p -> base.getName().startsWith(p))) {
        leaks.add(where + base.getName());
      }
    } else if (t instanceof ParameterizedType p) {
      check(p.getRawType(), where, leaks);
      for (Type a : p.getActualTypeArguments()) {
        check(a, where, leaks);
      }
    } else if (t instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        check(b, where, leaks);
      }
    }
  }
}

package org.oligotrial.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.trial.Trial;

/**
 * The sign-in page and the OpenAPI document name the trials the server holds, read from its trial registry: every
 * registry id they show is one the registry holds, every trial is shown with its protocol's title, and neither the
 * template nor the configuration spells a registry id, so a server holding other trials shows those.
 */
class TrialNamesComeFromTheRegistryTest extends ApiTestBase {
  private static final Pattern REGISTRY_ID = Pattern.compile("NCT\\d{8}");

  @Test
  void theSignInPageNamesEachTrialOfTheRegistryAndNoOther() throws Exception {
    String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
    List<Trial> held = register.trials().list();
    for (Trial t : held) {
      assertThat(page).contains(t.id()).contains(org.springframework.web.util.HtmlUtils.htmlEscape(t.title()));
    }
    assertThat(ids(page)).isEqualTo(new TreeSet<>(held.stream().map(Trial::id).toList()));
  }

  @Test
  void theOpenApiDescriptionNamesEachTrialOfTheRegistryAndNoOther() throws Exception {
    String doc = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
    List<Trial> held = register.trials().list();
    for (Trial t : held) {
      assertThat(doc).contains(t.title() + " (" + t.id() + ")");
    }
    assertThat(ids(doc)).isEqualTo(new TreeSet<>(held.stream().map(Trial::id).toList()));
  }

  @Test
  void neitherTheTemplateNorTheConfigurationSpellsARegistryId() throws Exception {
    assertThat(ids(Files.readString(Path.of("src/main/resources/templates/login.html")))).isEmpty();
    assertThat(ids(Files.readString(Path.of("src/main/java/org/oligotrial/server/api/OpenApiConfiguration.java"))))
        .isEmpty();
  }

  private static Set<String> ids(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = REGISTRY_ID.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}

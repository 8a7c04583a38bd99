package org.oligotrial.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The checks every browser test runs on every page state it reaches ({@link Browser} calls {@link #check} after each
 * navigation and after each wait for a state, which is how the tests see an htmx swap land). A state that fails any
 * of them fails the test with every problem listed and the page's URL:
 *
 * <ol>
 *   <li><b>Accessibility</b>: axe-core (the webjar {@code org.webjars.npm:axe-core} 4.6.3, the newest that Maven
 *       Central serves, a test dependency read from the class path, so nothing is fetched at test time) injected into
 *       the page at the browser's own size (1280 x 1000) and run with the rules tagged
 *       {@code wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa} (WCAG 2.2 level AA; run by tag, so rules that axe leaves
 *       off by default, such as target-size, run too). Every violation is listed: rule id, impact, the CSS selector of
 *       each failing node and axe's one-line help.
 *   <li><b>A 400 px wide screen</b> (the viewport emulated at 400 x 800 CSS px through the DevTools protocol, then
 *       restored): no horizontal scrolling of the page ({@code document.scrollingElement.scrollWidth <= innerWidth}),
 *       the elements that stick out named; wide tables must scroll inside their own container.
 *   <li><b>Touch targets</b> at that width (WCAG 2.2, 2.5.8 Target Size (Minimum)): every visible link, button,
 *       input, select, text area and summary is at least 24 x 24 CSS px, except (as the criterion allows) a link
 *       inside a sentence (an inline link whose block holds text of its own beside the targets), and an undersized
 *       target whose 24 px circle, centred on its box, touches no other target and no other undersized target's
 *       circle (the spacing exception).
 *   <li><b>Figures</b>: every {@code svg} has a {@code viewBox} and is no wider than its parent's box (scales down
 *       rather than overflowing), at 400 px and at the browser's own width.
 * </ol>
 *
 * <p>A failing page's markup is saved under {@code target/page-checks} and named in the message. A state already
 * checked (same URL and same markup, by a hash of {@code outerHTML}) is not checked again, so
 * the repeated waits of a test cost one check per distinct state. {@code PageChecksTest} shows each check failing on
 * a small page with a known violation.
 */
final class PageChecks {
  /** The axe-core rule tags for WCAG 2.2 level AA. */
  static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
  static final int NARROW = 400;
  static final int NARROW_HEIGHT = 800;
  static final String AXE_VERSION = axeVersion();
  private static final Path FAILED = Path.of("target", "page-checks");
  private static final String AXE = axeScript();

  private final ChromeDriver driver;
  private final Set<String> checked = new HashSet<>();

  PageChecks(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Checks the current state of the page; throws an {@link AssertionError} listing every problem found. */
  void check() {
    settle();
    String url = driver.getCurrentUrl();
    String key = url + "#" + driver.executeScript(HASH);
    if (!checked.add(key)) {
      return;
    }
    List<String> problems = new ArrayList<>(axe());
    problems.addAll(layout("at the browser's width", false));
    Map<String, Object> narrow = Map.of("width", NARROW, "height", NARROW_HEIGHT, "deviceScaleFactor", 1,
        "mobile", false);
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", narrow);
    try {
      problems.addAll(layout("at " + NARROW + " x " + NARROW_HEIGHT + " px", true));
    } finally {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
    if (!problems.isEmpty()) {
      checked.remove(key);
      throw new AssertionError(problems.size() + " accessibility or layout problem(s) on " + url + " (axe-core "
          + AXE_VERSION + ", WCAG 2.2 AA; the page is saved as " + save() + "):\n  "
          + String.join("\n  ", problems));
    }
  }

  /** Saves the failing page's markup under target/page-checks for inspection; returns the file. */
  private Path save() {
    try {
      Files.createDirectories(FAILED);
      Path f = FAILED.resolve("failed-" + System.nanoTime() + ".html");
      Files.writeString(f, driver.getPageSource());
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits (up to 5 s) until the document is loaded and no htmx request, swap or settle is under way. */
  private void settle() {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> Boolean.TRUE.equals(driver.executeScript(
          "return document.readyState === 'complete'"
              + " && !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')")));
    } catch (TimeoutException e) {
      // a request that never ends is the test's own business: check what is on the page
    }
  }

  @SuppressWarnings("unchecked")
  private List<String> axe() {
    if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object'"))) {
      driver.executeScript(AXE);
    }
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    Object r = driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
          .then(r => done(r.violations.flatMap(v => v.nodes.map(n =>
            v.id + ' (' + (n.impact || v.impact) + '): ' + n.target.join(' ') + ' - ' + v.help
              + (n.failureSummary ? ' [' + n.failureSummary.replace(/^Fix (any|all) of the following:/, '')
                  .replace(/\\s+/g, ' ').trim().slice(0, 160) + ']' : '')))))
          .catch(e => done(['axe-core failed: ' + e]));
        """, WCAG_TAGS);
    return (List<String>) r;
  }

  @SuppressWarnings("unchecked")
  private List<String> layout(String where, boolean narrow) {
    List<String> found = (List<String>) driver.executeScript(LAYOUT, narrow);
    return found.stream().map(p -> p + " (" + where + ")").toList();
  }

  /** A hash of the page's markup: the same URL and hash is the same state. */
  private static final String HASH = """
      const s = document.documentElement.outerHTML;
      let h = 0x811c9dc5;
      for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
      return (h >>> 0).toString(16) + ':' + s.length;
      """;

  /** The layout checks in the page: horizontal overflow and touch targets (narrow only), figures (always). */
  private static final String LAYOUT = """
      const narrow = arguments[0];
      const problems = [];
      const sel = e => {
        const parts = [];
        for (let n = e; n && n.nodeType === 1 && parts.length < 4; n = n.parentElement) {
          if (n.id) { parts.unshift('#' + CSS.escape(n.id)); break; }
          let p = n.tagName.toLowerCase();
          if (n.classList.length) p += '.' + [...n.classList].map(c => CSS.escape(c)).join('.');
          const sib = n.parentElement ? [...n.parentElement.children].filter(c => c.tagName === n.tagName) : [];
          if (sib.length > 1) p += ':nth-of-type(' + (sib.indexOf(n) + 1) + ')';
          parts.unshift(p);
        }
        return parts.join(' > ');
      };
      const label = e => (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40);
      const px = r => Math.round(r.width) + 'x' + Math.round(r.height) + ' px';
      document.querySelectorAll('svg').forEach(s => {
        if (s.parentElement && s.parentElement.closest('svg')) return;
        if (!s.hasAttribute('viewBox')) problems.push('figure: ' + sel(s) + ' has no viewBox');
        const box = s.parentElement;
        const w = s.getBoundingClientRect().width;
        if (box && box.clientWidth > 0 && w > box.clientWidth + 1) {
          problems.push('figure: ' + sel(s) + ' is ' + Math.round(w) + ' px wide in a box of ' + box.clientWidth
            + ' px');
        }
      });
      if (!narrow) return problems;
      const doc = document.scrollingElement;
      if (doc.scrollWidth > innerWidth) {
        const scrolls = e => {
          for (let n = e.parentElement; n && n !== document.body; n = n.parentElement) {
            const o = getComputedStyle(n).overflowX;
            if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
          }
          return false;
        };
        // an absolutely positioned element escapes a scrolling ancestor that is not its containing block
        const contained = e => ['absolute', 'fixed'].includes(getComputedStyle(e).position) ? false : scrolls(e);
        const out = [...document.body.querySelectorAll('*')]
          .filter(e => e.checkVisibility() && e.getBoundingClientRect().right > innerWidth + 1 && !contained(e))
          .filter((e, _, all) => !all.includes(e.parentElement));
        // text that overflows its block (a long word) sticks out while its element does not
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let t = walker.nextNode(); t && out.length < 6; t = walker.nextNode()) {
          const e = t.parentElement;
          if (!t.textContent.trim() || !e.checkVisibility() || contained(e)) continue;
          const range = document.createRange();
          range.selectNodeContents(t);
          if (range.getBoundingClientRect().right > innerWidth + 1 && !out.includes(e)) {
            out.push(e);
          }
        }
        problems.push('horizontal scrolling: the page is ' + doc.scrollWidth + ' px wide in a ' + innerWidth
          + ' px viewport; sticking out: ' + out.slice(0, 6).map(e => sel(e) + ' (right edge '
          + Math.round(e.getBoundingClientRect().right) + ')').join(', '));
      }
      const visible = e => {
        const r = e.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1 || r.right <= 0 || r.bottom <= 0 && r.top < 0) return false;
        // checkVisibility: false under display: none and inside a closed <details> (content-visibility: hidden)
        return e.checkVisibility({visibilityProperty: true}) && !e.closest('[aria-hidden=true]');
      };
      const targets = [...document.querySelectorAll(
          'a[href], button, input:not([type=hidden]), select, textarea, summary')].filter(visible);
      const blockOf = e => {
        let n = e.parentElement;
        while (n && getComputedStyle(n).display.startsWith('inline')) n = n.parentElement;
        return n;
      };
      const inSentence = e => {
        if (e.tagName !== 'A' || getComputedStyle(e).display !== 'inline') return false;
        const b = blockOf(e);
        if (!b) return false;
        const c = b.cloneNode(true);
        c.querySelectorAll('a, button, input, select, textarea, summary').forEach(t => t.remove());
        return /[A-Za-z0-9]/.test(c.textContent);
      };
      const small = targets.filter(e => {
        const r = e.getBoundingClientRect();
        return (r.width < 24 || r.height < 24) && !inSentence(e);
      });
      const centre = e => {
        const r = e.getBoundingClientRect();
        return [r.left + r.width / 2, r.top + r.height / 2];
      };
      const distToRect = (p, r) => Math.hypot(Math.max(r.left - p[0], 0, p[0] - r.right),
          Math.max(r.top - p[1], 0, p[1] - r.bottom));
      small.forEach(e => {
        const c = centre(e);
        const crowded = targets.find(o => {
          if (o === e || o.contains(e) || e.contains(o)) return false;
          if (small.includes(o)) {
            const d = centre(o);
            return Math.hypot(c[0] - d[0], c[1] - d[1]) < 24;
          }
          return distToRect(c, o.getBoundingClientRect()) < 12;
        });
        if (crowded) {
          problems.push('target size: ' + sel(e) + ' "' + label(e) + '" is ' + px(e.getBoundingClientRect())
            + ' (under 24 x 24) and too close to ' + sel(crowded) + ' "' + label(crowded) + '"');
        }
      });
      return problems;
      """;

  private static String axeVersion() {
    Properties p = new Properties();
    try (InputStream in = resource("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version");
  }

  private static String axeScript() {
    try (InputStream in = resource("META-INF/resources/webjars/axe-core/" + AXE_VERSION + "/axe.min.js")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = PageChecks.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is not on the test class path: the server module's test dependency"
          + " org.webjars.npm:axe-core provides it");
    }
    return in;
  }
}

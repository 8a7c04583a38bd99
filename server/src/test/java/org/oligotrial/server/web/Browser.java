package org.oligotrial.server.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the Debian packages, driven by the packaged chromedriver (both paths explicit, so Selenium
 * Manager never downloads anything). Missing binaries fail the test: browser tests never skip silently.
 *
 * <p>Every page state a test reaches is checked by {@link PageChecks} (axe-core at WCAG 2.2 AA, no horizontal
 * scrolling at 400 px, 24 px touch targets, figures that fit their box): after each {@link #open} and each
 * {@link #waitFor} whose condition held, so every browser test runs the checks on every page it visits.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /**
   * Where screenshots go: {@code server/target/screenshots}, or the directory named by {@code -Dweb.screenshots} (the
   * README's pictures: {@code -Dweb.screenshots=../docs/screenshots}), so that ordinary builds leave docs/ alone.
   */
  static final Path SHOTS = Path.of(System.getProperty("web.screenshots", "target/screenshots"));

  final ChromeDriver driver;
  private final String base;
  private final Path profile;
  private final PageChecks checks;

  Browser(String base) throws IOException {
    requireInstalled(CHROMIUM, CHROMEDRIVER);
    this.base = base;
    this.profile = Files.createTempDirectory("oligotrial-chromium");
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--user-data-dir=" + profile, "--window-size=1280,1000");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, o);
    driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    this.checks = new PageChecks(driver);
  }

  /** Fails, never skips, with the sentence that says what to install when one of the programs is missing. */
  static void requireInstalled(Path... programs) {
    List<String> missing = Stream.of(programs).filter(p -> !Files.isExecutable(p)).map(Path::toString).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("browser tests need Debian's Chromium and chromedriver, and "
          + String.join(" and ", missing) + (missing.size() == 1 ? " is" : " are") + " missing: install them with"
          + " 'apt-get install chromium chromium-driver' as root, or run the tests with ./test, which does so");
    }
  }

  /** Opens the page and checks it ({@link PageChecks}). */
  void open(String path) {
    driver.get(base + path);
    checks.check();
  }

  void signIn(String user, String password) {
    open("/login");
    type("username", user);
    type("password", password);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    waitFor(d -> !d.getCurrentUrl().contains("/login"));
  }

  void signOut() {
    driver.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
    waitFor(d -> d.getCurrentUrl().contains("/login"));
  }

  void type(String id, String text) {
    WebElement e = driver.findElement(By.id(id));
    e.clear();
    e.sendKeys(text);
  }

  /** Sets a value the way a date picker does (typing into date inputs depends on the locale) and fires change. */
  void set(String id, String value) {
    driver.executeScript("arguments[0].value = arguments[1];"
        + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", byId(id), value);
  }

  void select(String id, String value) {
    new Select(driver.findElement(By.id(id))).selectByValue(value);
  }

  WebElement byId(String id) {
    return driver.findElement(By.id(id));
  }

  String text(String css) {
    return driver.findElement(By.cssSelector(css)).getText();
  }

  /** Waits for the condition, then checks the state reached ({@link PageChecks}). */
  void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
    // htmx swaps the result while we read it: a stale or briefly missing element means "not yet", and so does
    // Chromium's "Node with given id does not belong to the document" (the element was swapped out between finding
    // and reading it, a stale element by another name); any other driver error fails the test at once
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .until(d -> {
          try {
            return condition.apply(d);
          } catch (org.openqa.selenium.StaleElementReferenceException
                   | org.openqa.selenium.NoSuchElementException e) {
            throw e;
          } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
              return false;
            }
            throw e;
          }
        });
    checks.check();
  }

  /** True when a JavaScript alert is open (the escaping checks expect none). */
  boolean alertOpen() {
    try {
      driver.switchTo().alert();
      return true;
    } catch (NoAlertPresentException e) {
      return false;
    }
  }

  /** Saves a full-page screenshot as docs/screenshots/{name}.png. */
  void screenshot(String name) throws IOException {
    long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
    driver.manage().window().setSize(new Dimension(1280, (int) Math.min(2400, Math.max(800, height))));
    File f = driver.getScreenshotAs(OutputType.FILE);
    Files.createDirectories(SHOTS);
    Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    driver.manage().window().setSize(new Dimension(1280, 1000));
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> s = Files.walk(profile)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}

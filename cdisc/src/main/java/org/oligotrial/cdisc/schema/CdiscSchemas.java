package org.oligotrial.cdisc.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The CDISC schemas in this jar (resources {@code org/oligotrial/cdisc/schema/}, sources in its SOURCES.md) and
 * validation of a document against them with {@code javax.xml.validation}. The Define-XML schemas refer to their
 * neighbours by the names of the CDISC distribution ({@code define-ns.xsd}, {@code ../core/xlink.xsd},
 * {@code ../cdisc-odm-1.3.2/ODM1-3-2-foundation.xsd}); a resource resolver maps those names onto the copies here.
 * The compiled schemas are cached; {@link Schema} is thread-safe, each validation uses its own {@link Validator}.
 */
public final class CdiscSchemas {
  private static final String BASE = "/org/oligotrial/cdisc/schema/";
  /** Name in a schemaLocation (last path segment) to the file in this jar. */
  private static final Map<String, String> FILES = Map.of(
      "ODM1-3-2-foundation.xsd", "ODM1-3-2-foundation.xsd",
      "xml.xsd", "xml.xsd",
      "xmldsig-core-schema.xsd", "xmldsig-core-schema.xsd",
      "xlink.xsd", "xlink.xsd",
      "define-ns.xsd", "define-ns-2.1.xsd",
      "define-enumerations.xsd", "define-enumerations-2.1.xsd");

  private CdiscSchemas() {}

  /** The ODM 1.3.2 schema (root {@code ODM1-3-2.xsd}). */
  public static Schema odm() {
    return Cache.ODM;
  }

  /** The Define-XML 2.1 schema (root {@code define-extension-2.1.xsd}, which redefines the ODM foundation). */
  public static Schema define() {
    return Cache.DEFINE;
  }

  private static final class Cache {
    static final Schema ODM = compile("ODM1-3-2.xsd");
    static final Schema DEFINE = compile("define-extension-2.1.xsd");
  }

  private static Schema compile(String root) {
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    f.setResourceResolver(new Resolver());
    URL url = CdiscSchemas.class.getResource(BASE + root);
    try {
      return f.newSchema(new StreamSource(url.openStream(), url.toExternalForm()));
    } catch (SAXException | IOException e) {
      throw new IllegalStateException("schema " + root + " does not compile: " + e.getMessage(), e);
    }
  }

  /**
   * Validates a document and returns every problem ("line L, column C: message"); empty when valid.
   *
   * @param schema {@link #odm()} or {@link #define()}
   * @param document the XML document (read to the end, not closed)
   */
  public static List<String> validate(Schema schema, Source document) {
    List<String> problems = new ArrayList<>();
    Validator v = schema.newValidator();
    v.setErrorHandler(new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {}

      @Override
      public void error(SAXParseException e) {
        add(e);
      }

      @Override
      public void fatalError(SAXParseException e) {
        add(e);
      }

      private void add(SAXParseException e) {
        if (problems.size() < 100) {
          problems.add("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage());
        }
      }
    });
    try {
      v.validate(document);
    } catch (SAXException e) {
      if (problems.isEmpty()) {
        problems.add(e.getMessage());
      }
    } catch (IOException e) {
      problems.add("cannot be read: " + e.getMessage());
    }
    return problems;
  }

  /** Maps the CDISC distribution's schema locations onto the copies in this jar. */
  private static final class Resolver implements LSResourceResolver {
    @Override
    public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
      if (systemId == null) {
        return null;
      }
      String name = systemId.substring(systemId.lastIndexOf('/') + 1);
      String file = FILES.get(name);
      if (file == null) {
        return null;
      }
      URL url = CdiscSchemas.class.getResource(BASE + file);
      return new Input(publicId, url.toExternalForm(), url);
    }
  }

  private record Input(String publicId, String systemId, URL url) implements LSInput {
    @Override public Reader getCharacterStream() { return null; }
    @Override public void setCharacterStream(Reader r) {}
    @Override
    public InputStream getByteStream() {
      try {
        return url.openStream();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    @Override public void setByteStream(InputStream s) {}
    @Override public String getStringData() { return null; }
    @Override public void setStringData(String s) {}
    @Override public String getSystemId() { return systemId; }
    @Override public void setSystemId(String s) {}
    @Override public String getPublicId() { return publicId; }
    @Override public void setPublicId(String s) {}
    @Override public String getBaseURI() { return null; }
    @Override public void setBaseURI(String s) {}
    @Override public String getEncoding() { return null; }
    @Override public void setEncoding(String s) {}
    @Override public boolean getCertifiedText() { return false; }
    @Override public void setCertifiedText(boolean b) {}
  }
}

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
    v.setErrorHandler(collector(problems));
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

  private static ErrorHandler collector(List<String> problems) {
    return new ErrorHandler() {
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
    };
  }

  /** The namespaces an ODM 1.3.2 file is validated in; elements and attributes of others are vendor extensions. */
  private static final java.util.Set<String> ODM_NAMESPACES = java.util.Set.of("http://www.cdisc.org/ns/odm/v1.3",
      "http://www.w3.org/XML/1998/namespace", "http://www.w3.org/2000/09/xmldsig#");

  /**
   * Validates an ODM 1.3.2 file against {@link #odm()} without its vendor extensions, streaming (SAX, nothing held
   * but the validator's state): elements of other namespaces are dropped with their content and attributes of
   * other namespaces are dropped, as if the file had been written without them (an extension is defined by the
   * vendor's own schema, ODM 1.3.2 section 5, which this system does not hold). DTDs are refused.
   *
   * @param in the file (read to the end, not closed)
   * @return every problem ("line L, column C: message"), at most 100; empty when valid
   */
  public static List<String> validateOdmWithoutExtensions(InputStream in) {
    List<String> problems = new ArrayList<>();
    javax.xml.validation.ValidatorHandler vh = odm().newValidatorHandler();
    ErrorHandler errors = collector(problems);
    vh.setErrorHandler(errors);
    try {
      javax.xml.parsers.SAXParserFactory spf = javax.xml.parsers.SAXParserFactory.newInstance();
      spf.setNamespaceAware(true);
      spf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      org.xml.sax.helpers.XMLFilterImpl filter = new WithoutExtensions(spf.newSAXParser().getXMLReader());
      filter.setContentHandler(vh);
      filter.setErrorHandler(errors);
      filter.parse(new org.xml.sax.InputSource(in));
    } catch (SAXException e) {
      if (problems.isEmpty()) {
        problems.add(e.getMessage());
      }
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      problems.add("cannot be read: " + e.getMessage());
    }
    return problems;
  }

  /** Passes on only the elements and attributes of {@link #ODM_NAMESPACES} (and unqualified attributes). */
  private static final class WithoutExtensions extends org.xml.sax.helpers.XMLFilterImpl {
    private int skipping;

    WithoutExtensions(org.xml.sax.XMLReader parent) {
      super(parent);
    }

    @Override
    public void startElement(String uri, String local, String qName, org.xml.sax.Attributes atts)
        throws SAXException {
      if (skipping > 0 || !ODM_NAMESPACES.contains(uri)) {
        skipping++;
        return;
      }
      org.xml.sax.helpers.AttributesImpl kept = new org.xml.sax.helpers.AttributesImpl();
      for (int i = 0; i < atts.getLength(); i++) {
        if (atts.getURI(i).isEmpty() || ODM_NAMESPACES.contains(atts.getURI(i))) {
          kept.addAttribute(atts.getURI(i), atts.getLocalName(i), atts.getQName(i), atts.getType(i),
              atts.getValue(i));
        }
      }
      super.startElement(uri, local, qName, kept);
    }

    @Override
    public void endElement(String uri, String local, String qName) throws SAXException {
      if (skipping > 0) {
        skipping--;
        return;
      }
      super.endElement(uri, local, qName);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      if (skipping == 0) {
        super.characters(ch, start, length);
      }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
      if (skipping == 0) {
        super.ignorableWhitespace(ch, start, length);
      }
    }
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

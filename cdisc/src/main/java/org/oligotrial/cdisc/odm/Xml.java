package org.oligotrial.cdisc.odm;

import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin indenting wrapper over a StAX {@link XMLStreamWriter} (UTF-8): two spaces per level, text-only elements on
 * one line. Nothing is kept but the current depth, so the output streams. Not thread-safe. StAX failures are
 * rethrown as {@link java.io.UncheckedIOException}.
 */
public final class Xml implements AutoCloseable {
  private final XMLStreamWriter w;
  private int depth;
  private boolean hasChildren;

  /** Starts a document on {@code out} (not closed by {@link #close}). */
  public Xml(OutputStream out) {
    try {
      w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
    } catch (XMLStreamException e) {
      throw wrap(e);
    }
  }

  /** The underlying writer (for namespaces). */
  public XMLStreamWriter raw() {
    return w;
  }

  /** Opens an element on a new line. */
  public Xml start(String name) {
    try {
      w.writeCharacters("\n" + "  ".repeat(depth));
      w.writeStartElement(name);
      depth++;
      hasChildren = false;
      return this;
    } catch (XMLStreamException e) {
      throw wrap(e);
    }
  }

  /** Opens a prefixed element (e.g. {@code def:Standard}). */
  public Xml start(String prefix, String ns, String name) {
    try {
      w.writeCharacters("\n" + "  ".repeat(depth));
      w.writeStartElement(prefix, name, ns);
      depth++;
      hasChildren = false;
      return this;
    } catch (XMLStreamException e) {
      throw wrap(e);
    }
  }

  /** Writes an attribute when the value is not null. */
  public Xml attr(String name, Object value) {
    if (value != null) {
      try {
        w.writeAttribute(name, value.toString());
      } catch (XMLStreamException e) {
        throw wrap(e);
      }
    }
    return this;
  }

  /** Writes a namespaced attribute when the value is not null. */
  public Xml attr(String prefix, String ns, String name, Object value) {
    if (value != null) {
      try {
        w.writeAttribute(prefix, ns, name, value.toString());
      } catch (XMLStreamException e) {
        throw wrap(e);
      }
    }
    return this;
  }

  /** Writes text content (the element then closes on the same line). */
  public Xml text(String text) {
    try {
      w.writeCharacters(text);
      hasChildren = false;
      textOnly = true;
      return this;
    } catch (XMLStreamException e) {
      throw wrap(e);
    }
  }

  private boolean textOnly;

  /** Closes the innermost open element. */
  public Xml end() {
    try {
      depth--;
      if (!textOnly && hasChildrenOrNested()) {
        w.writeCharacters("\n" + "  ".repeat(depth));
      }
      w.writeEndElement();
      textOnly = false;
      hasChildren = true;
      return this;
    } catch (XMLStreamException e) {
      throw wrap(e);
    }
  }

  private boolean hasChildrenOrNested() {
    return hasChildren;
  }

  /** An element holding only text: {@code <name>text</name>}. */
  public Xml element(String name, String text) {
    return start(name).text(text).end();
  }

  /** {@code <name><TranslatedText xml:lang="en">text</TranslatedText></name>}. */
  public Xml translated(String name, String text) {
    start(name).start("TranslatedText");
    try {
      w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en");
    } catch (XMLStreamException e) {
      throw wrap(e);
    }
    return text(text).end().end();
  }

  /** Flushes to the stream. */
  public void flush() {
    try {
      w.flush();
    } catch (XMLStreamException e) {
      throw wrap(e);
    }
  }

  /** Ends the document and flushes (the stream stays open). */
  @Override
  public void close() {
    try {
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.flush();
      w.close();
    } catch (XMLStreamException e) {
      throw wrap(e);
    }
  }

  private static java.io.UncheckedIOException wrap(XMLStreamException e) {
    return new java.io.UncheckedIOException(new java.io.IOException(e.getMessage(), e));
  }
}

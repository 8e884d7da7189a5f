package no.kraft.cis.delivery.document;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;

/**
 * Names the JDK's own XML parsers in the JVM's system properties, once, when they are what the JDK's search finds.
 * {@code DocumentBuilderFactory.newInstance()} and {@code SAXParserFactory.newInstance()} look at the system property
 * first and otherwise search {@code META-INF/services} of every jar on the class path — on each call: PDFBox's XMP
 * writer makes a document builder factory per PDF/A document, openhtmltopdf a SAX parser factory, and in the packaged
 * application (some 190 nested jars, none registering a parser) those searches were a tenth of rendering an invoice.
 * Naming what the search found changes no implementation. Only the JDK's own (module {@code java.xml}) are named:
 * they load on any thread, whatever its context class loader; the {@code TransformerFactory} is left alone, as
 * Saxon's jar registers one that a thread with the system class loader could not load by name. A property already
 * set (by an operator, {@code -D…}) is left as it is.
 */
final class JaxpFactories {

    private static volatile boolean named;

    private JaxpFactories() {
    }

    static void name() {
        if (named) {
            return;
        }
        synchronized (JaxpFactories.class) {
            if (!named) {
                pin(DocumentBuilderFactory.class.getName(), () -> DocumentBuilderFactory.newInstance().getClass());
                pin(SAXParserFactory.class.getName(), () -> SAXParserFactory.newInstance().getClass());
                named = true;
            }
        }
    }

    private static void pin(String property, java.util.function.Supplier<Class<?>> found) {
        if (System.getProperty(property) == null) {
            Class<?> implementation = found.get();
            if ("java.xml".equals(implementation.getModule().getName())) {
                System.setProperty(property, implementation.getName());
            }
        }
    }
}

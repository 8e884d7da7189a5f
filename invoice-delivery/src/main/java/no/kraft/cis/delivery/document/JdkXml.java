package no.kraft.cis.delivery.document;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The context class loader an invoice is rendered under: the thread's own, except that it lists no
 * {@code META-INF/services} entries for the JAXP factories, so {@code TransformerFactory.newInstance()} and its kin give
 * the JDK's own at once. PDFBox's XMP writer asks for a {@code TransformerFactory} and a {@code DocumentBuilderFactory}
 * for every PDF/A document; without this the JDK searches the services of every jar on the class path each time (some
 * 190 nested jars in the packaged application) and finds Saxon's, which builds a whole new Saxon configuration to copy
 * a few lines of XMP — together a sixth of rendering an invoice. Only this render sees it: the EHF validation and
 * everything else keep Saxon where they ask for it.
 */
final class JdkXml extends ClassLoader {

    private static final String JAXP_SERVICES = "META-INF/services/javax.xml.";

    private static volatile JdkXml last;

    private JdkXml(ClassLoader parent) {
        super("invoice-pdf-jdk-xml", parent);
    }

    /** Runs {@code render} with this loader as the thread's context class loader, then puts the thread's own back. */
    static <T> T around(java.util.function.Supplier<T> render) {
        Thread thread = Thread.currentThread();
        ClassLoader own = thread.getContextClassLoader();
        JdkXml scope = last;
        if (scope == null || scope.getParent() != own) {
            scope = new JdkXml(own == null ? ClassLoader.getSystemClassLoader() : own);
            last = scope;
        }
        thread.setContextClassLoader(scope);
        try {
            return render.get();
        } finally {
            thread.setContextClassLoader(own);
        }
    }

    @Override
    public URL getResource(String name) {
        return name.startsWith(JAXP_SERVICES) ? null : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return name.startsWith(JAXP_SERVICES) ? Collections.emptyEnumeration() : super.getResources(name);
    }
}

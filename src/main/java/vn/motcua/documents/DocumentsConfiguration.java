package vn.motcua.documents;

import java.nio.file.Path;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The store, the inspector, and the server's multipart limits, taken from the same settings as
 * the slots' limits so that the two can never disagree.
 */
@Configuration(proxyBeanMethods = false)
class DocumentsConfiguration {

    @Bean
    DocumentStore documentStore(DocumentsProperties settings) {
        return new FilesystemDocumentStore(settings.root());
    }

    @Bean
    DocumentInspector documentInspector(DocumentsProperties settings) {
        return new DocumentInspector(settings.textLimit(), Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Replaces Spring Boot's own, which would read spring.servlet.multipart.*: uploads go to disk, never memory. */
    @Bean
    MultipartConfigElement multipartConfigElement(DocumentsProperties settings) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(settings.maxFileSize());
        factory.setMaxRequestSize(settings.maxRequestSize());
        factory.setFileSizeThreshold(DataSize.ofBytes(0));
        return factory.createMultipartConfig();
    }

    /**
     * Reads the rest of an upload refused for its size (up to Tomcat's max-swallow-size, 2MB by
     * default) so the client gets the 413 answer instead of a connection cut while it still sends.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> swallowAbortedUploads() {
        return factory -> factory.addContextCustomizers(context -> context.setSwallowAbortedUploads(true));
    }
}

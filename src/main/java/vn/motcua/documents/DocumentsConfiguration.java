package vn.motcua.documents;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.MessageSource;
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

    /** Closed (and emptied) when the node stops; left behind by a killed node, removed by the next start. */
    @Bean
    SpoolDirectory uploadSpool(DocumentsProperties settings) {
        return SpoolDirectory.open(settings.spool());
    }

    @Bean
    UploadRefusals uploadRefusals(MessageSource messages) {
        return new UploadRefusals(messages);
    }

    @Bean
    DocumentInspector documentInspector(DocumentsProperties settings, SpoolDirectory spool, UploadRefusals refusals) {
        return new DocumentInspector(settings.textLimit(), spool.path(), refusals);
    }

    /**
     * Replaces Spring Boot's own, which would read spring.servlet.multipart.*: uploads go to disk,
     * never memory, into the node's spool folder (so a killed node's parts are swept like its spools).
     */
    @Bean
    MultipartConfigElement multipartConfigElement(DocumentsProperties settings, SpoolDirectory spool) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setLocation(spool.path().toString());
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

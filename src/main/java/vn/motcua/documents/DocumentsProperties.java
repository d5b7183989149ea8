package vn.motcua.documents;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where documents are kept and how large they may be.
 *
 * @param root           folder of the filesystem store; every node of a cluster must see the same one
 * @param defaultTypes   types a slot accepts when its declaration names none
 * @param defaultMaxSize size limit of a slot whose declaration names none
 * @param maxFileSize    the server's limit for one uploaded file: no slot may allow more
 * @param maxRequestSize the server's limit for one whole request (all files and values)
 * @param textLimit      how many characters of extracted text are kept for search per document
 */
@ConfigurationProperties("motcua.documents")
public record DocumentsProperties(Path root, Set<DocumentType> defaultTypes, DataSize defaultMaxSize,
        DataSize maxFileSize, DataSize maxRequestSize, Integer textLimit, Path spool) {

    public DocumentsProperties {
        if (root == null) {
            root = Path.of("data", "documents");
        }
        if (defaultTypes == null || defaultTypes.isEmpty()) {
            defaultTypes = EnumSet.allOf(DocumentType.class);
        }
        if (defaultMaxSize == null) {
            defaultMaxSize = DataSize.ofMegabytes(10);
        }
        if (maxFileSize == null) {
            maxFileSize = DataSize.ofMegabytes(20);
        }
        if (maxRequestSize == null) {
            maxRequestSize = DataSize.ofMegabytes(100);
        }
        if (spool == null) {
            spool = Path.of(System.getProperty("java.io.tmpdir"), "motcua-spool");
        }
        if (textLimit == null) {
            textLimit = 100_000;
        }
        if (defaultMaxSize.compareTo(maxFileSize) > 0) {
            throw new IllegalArgumentException("motcua.documents.default-max-size (" + defaultMaxSize
                    + ") exceeds motcua.documents.max-file-size (" + maxFileSize + ")");
        }
        if (maxFileSize.compareTo(maxRequestSize) > 0) {
            throw new IllegalArgumentException("motcua.documents.max-file-size (" + maxFileSize
                    + ") exceeds motcua.documents.max-request-size (" + maxRequestSize + ")");
        }
    }

    /** The rule of a slot that declares neither types nor size. */
    public UploadRule defaultRule() {
        return new UploadRule(defaultTypes, defaultMaxSize);
    }
}

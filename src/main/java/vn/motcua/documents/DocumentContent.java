package vn.motcua.documents;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.core.io.InputStreamSource;

/** A document with a way to read its bytes, for downloads. */
public record DocumentContent(DossierDocument document, InputStreamSource content) {

    public InputStream open() throws IOException {
        return content.getInputStream();
    }
}
